package dev.sesh.cli;

import dev.sesh.plan.Approver;
import dev.sesh.plan.AuditLog;
import dev.sesh.plan.AuditedGate;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Decision;
import dev.sesh.plan.Plan;
import dev.sesh.shell.confirm.PlanRenderer;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The gate when no question can or should be asked (design.md 1, "The confirm prompt"): every plan
 * is printed on {@code err}; plans covered by {@code --yes} (reversible) or
 * {@code --yes-irreversible} (everything) are auto-approved; the rest are refused with exit code 3
 * and a hint naming the flag, or, on a terminal, handed to the terminal's question.
 */
public final class NonInteractiveGate implements ChangeGate, Approver {
    /** What the command line approved in advance. */
    public enum AutoApprove {
        NONE, REVERSIBLE, ALL;

        /** {@code --yes-irreversible} implies {@code --yes}. */
        public static AutoApprove of(boolean yes, boolean yesIrreversible) {
            return yesIrreversible ? ALL : yes ? REVERSIBLE : NONE;
        }

        boolean covers(Plan plan) { return this == ALL || this == REVERSIBLE && !plan.needsPhrase(); }
    }

    private final AutoApprove level;
    private final PrintStream err;
    private final PlanRenderer renderer;
    private final Approver onTerminal;
    private final AuditedGate gate;

    private NonInteractiveGate(AutoApprove level, PrintStream err, PlanRenderer renderer, Approver onTerminal,
                               AuditLog audit, Clock wallClock) {
        this.level = level;
        this.err = err;
        this.renderer = renderer;
        this.onTerminal = onTerminal;
        this.gate = new AuditedGate(this, audit, wallClock);
    }

    /** No terminal (pipe, CI, {@code -c} without a TTY): what {@code level} does not cover is refused. */
    public static NonInteractiveGate withoutTerminal(AutoApprove level, PrintStream err, PlanRenderer renderer,
                                                     AuditLog audit, Clock wallClock) {
        return new NonInteractiveGate(level, err, renderer, null, audit, wallClock);
    }

    /**
     * On a terminal with {@code --yes}/{@code --yes-irreversible}: covered plans skip the question,
     * the others are asked by {@code terminal} (for example an irreversible plan under plain --yes).
     */
    public static NonInteractiveGate onTerminal(AutoApprove level, PrintStream err, PlanRenderer renderer,
                                                Approver terminal, AuditLog audit, Clock wallClock) {
        return new NonInteractiveGate(level, err, renderer, terminal, audit, wallClock);
    }

    @Override public dev.sesh.plan.LinkGuard guardFor(String port) { return gate.guardFor(port); }

    @Override public <T> T apply(Plan plan, Supplier<T> action) { return gate.apply(plan, action); }

    @Override public synchronized void showInBatch(Plan plan, String batchTitle) {
        err.print(renderer.render(plan));
        err.println("approved in batch: " + batchTitle);
        err.flush();
    }

    @Override public synchronized Decision decide(Plan plan) {
        if (onTerminal != null && !level.covers(plan)) return onTerminal.decide(plan);
        err.print(renderer.render(plan));
        if (level.covers(plan)) {
            err.println(level == AutoApprove.ALL ? "approved by --yes-irreversible" : "approved by --yes");
            err.flush();
            return Decision.autoApproved();
        }
        err.flush();
        if (plan.needsPhrase()) {
            String why = level == AutoApprove.REVERSIBLE
                    ? "refused: --yes does not cover an irreversible change; nothing was changed"
                    : "refused: no terminal to type \"" + plan.phrase() + "\"; nothing was changed";
            return Decision.refusedNoTty(why, "this cannot be undone: add --yes-irreversible to approve it without a terminal");
        }
        return Decision.refusedNoTty("refused: no terminal to confirm this change; nothing was changed",
                "add --yes to approve reversible changes without a terminal");
    }
}
