package dev.sesh.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The audit line the link guard writes for a change frame (design.md 5.9): when, which board, the
 * approved plan it rode on (empty when refused), the method and a redacted one-line summary (never
 * data bytes: the summary is the classifier's description), its actions, and whether it was sent.
 */
public record FrameAuditEntry(Instant time, String port, String planId, String method, String summary, List<Action> actions, boolean sent) {
    public FrameAuditEntry {
        Objects.requireNonNull(time); Objects.requireNonNull(port); Objects.requireNonNull(planId);
        Objects.requireNonNull(method); Objects.requireNonNull(summary); actions = List.copyOf(actions);
    }
}
