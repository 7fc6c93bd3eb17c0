package dev.sesh.plan;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A batch plan approved once for several boards (issue 8, provision-many): while its work runs, a
 * per-board plan is covered when it targets one of the batch's {@code ports} and every one of its
 * actions (kind, target, reversibility) is one the batch listed: an irreversible action only if the
 * batch listed it as irreversible (design.md 5.9). Covered plans are run without asking again
 * and audited as "approved in batch"; anything else is asked as usual. The scope is inherited by
 * threads started inside the work, so boards may be provisioned in parallel.
 */
public record BatchScope(String title, Set<String> ports, Set<Action> actions) {
    private static final InheritableThreadLocal<BatchScope> CURRENT = new InheritableThreadLocal<>();

    public BatchScope {
        Objects.requireNonNull(title);
        ports = Set.copyOf(ports);
        actions = Set.copyOf(actions);
    }

    static BatchScope of(Plan batch, Set<String> ports) {
        return new BatchScope(batch.title(), ports, Set.copyOf(batch.actions()));
    }

    /** True if {@code plan} is one of the per-board plans this batch approved. */
    public boolean covers(Plan plan) {
        if (!ports.contains(plan.target().port())) return false;
        return plan.actions().stream().allMatch(a -> actions.stream().anyMatch(b -> b.coversStrictly(a)));
    }

    /** The batch approved on this thread (or the thread that started it), if any. */
    static BatchScope current() { return CURRENT.get(); }

    static <T> T within(BatchScope scope, Supplier<T> work) {
        BatchScope before = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            CURRENT.set(before);
        }
    }
}
