package dev.sesh.plan;

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

    /** As {@link #apply} for an action without a result. */
    default void run(Plan plan, Runnable action) {
        apply(plan, () -> {
            action.run();
            return null;
        });
    }
}
