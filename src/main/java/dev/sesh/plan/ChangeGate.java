package dev.sesh.plan;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The one gate every change goes through, from commands and Groovy scripts alike (design.md 1,
 * "The confirm prompt"; style.md rule 2). Shows {@code plan}, asks (or applies the --yes policy),
 * runs {@code action} only when approved, and records the decision and the result in the audit log.
 */
public interface ChangeGate {
    /**
     * Runs {@code action} if {@code plan} is approved and returns its result.
     *
     * @throws dev.sesh.SeshException exit code 3 when declined or refused; nothing was run then.
     *     Exceptions of {@code action} pass through unchanged after the failure is recorded.
     */
    <T> T apply(Plan plan, Supplier<T> action);

    /**
     * The guard for the link to the board at {@code port}: the RPC client calls it for every
     * request, and it lets a change frame out only while a plan this gate approved covers it.
     */
    default LinkGuard guardFor(String port) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " issues no tickets, so it cannot guard a link");
    }

    /** As {@link #apply} for an action without a result. */
    default void run(Plan plan, Runnable action) {
        apply(plan, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Asks once for {@code batchPlan} (built with {@link Plan.Builder#boards}, one change per board
     * per step) and, if approved, runs {@code work}; inside it every per-board plan on one of
     * {@code ports} whose actions are all ones the batch lists runs without asking again (see
     * {@link BatchScope}). Declined or refused: exit 3 and {@code work} never runs.
     */
    default <T> T batch(Plan batchPlan, Set<String> ports, Supplier<T> work) {
        BatchScope scope = BatchScope.of(batchPlan, ports);
        return apply(batchPlan, () -> BatchScope.within(scope, work));
    }
}
