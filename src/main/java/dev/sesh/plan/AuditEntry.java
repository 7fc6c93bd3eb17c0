package dev.sesh.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log (design.md 1; issue "Confirm gate"): when, which board and chip (from
 * the plan's target), the plan, the answer and the outcome. {@code planId} (empty when the plan did
 * not run) ties the plan to the frames the link guard let through on it ({@link FrameAuditEntry}). Holds no secret bytes because plans hold none.
 */
public record AuditEntry(Instant time, String planId, Plan plan, Answer answer, Outcome outcome) {
    public AuditEntry {
        Objects.requireNonNull(time); Objects.requireNonNull(planId); Objects.requireNonNull(plan); Objects.requireNonNull(answer); Objects.requireNonNull(outcome);
    }

    /** An entry without a plan id (a plan that never ran). */
    public AuditEntry(Instant time, Plan plan, Answer answer, Outcome outcome) { this(time, "", plan, answer, outcome); }
}
