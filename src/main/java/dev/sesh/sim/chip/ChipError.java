package dev.sesh.sim.chip;

import dev.sesh.atca.packet.StatusCode;

/** A command the chip refuses: the status it answers and, for tests and traces, the rule that fired. */
final class ChipError extends RuntimeException {
    final StatusCode status;

    ChipError(StatusCode status, String rule) {
        super(rule, null, false, false);
        this.status = status;
    }

    static ChipError execution(String rule) { return new ChipError(StatusCode.EXECUTION_ERROR, rule); }

    static ChipError parse(String rule) { return new ChipError(StatusCode.PARSE_ERROR, rule); }

    static void check(boolean ok, String rule) {
        if (!ok) throw execution(rule);
    }
}
