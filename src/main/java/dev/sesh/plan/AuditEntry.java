package dev.sesh.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log (design.md 1; issue "Confirm gate"): when, which board and chip (from
 * the plan's target), the plan, the answer and the outcome. Holds no secret bytes because plans hold none.
 */
public record AuditEntry(Instant time, Plan plan, Answer answer, Outcome outcome) {
    public AuditEntry {
        Objects.requireNonNull(time); Objects.requireNonNull(plan); Objects.requireNonNull(answer); Objects.requireNonNull(outcome);
    }
}
