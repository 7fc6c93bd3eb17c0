package dev.sesh.atca.config;

import java.util.Objects;

/**
 * One lint finding.
 *
 * @param rule     the rule's id, e.g. "write-key-rewritable"
 * @param severity error, warning or info
 * @param where    "slot N" or "config"
 * @param field    the field to change, e.g. "WriteConfig"
 * @param problem  what is wrong, naming the slot
 * @param fix      what to change
 */
public record Finding(String rule, Severity severity, String where, String field, String problem, String fix) {
    public Finding {
        Objects.requireNonNull(rule); Objects.requireNonNull(severity); Objects.requireNonNull(where);
        Objects.requireNonNull(field); Objects.requireNonNull(problem); Objects.requireNonNull(fix);
    }

    /** Problem and fix in one sentence. */
    public String message() { return problem + "; " + fix; }

    /** "warning slot 4 WriteConfig: ...; ... [write-key-rewritable]". */
    public String line() { return severity.word() + " " + where + " " + field + ": " + message() + " [" + rule + "]"; }

    @Override public String toString() { return line(); }
}
