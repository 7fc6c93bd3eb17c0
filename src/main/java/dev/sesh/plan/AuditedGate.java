package dev.sesh.plan;

import dev.sesh.SeshException;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The gate's fixed sequence around any {@link Approver}: decide, record, run or throw. A declined
 * or refused plan is recorded as not run and ends in {@link SeshException#declined} (exit 3); an
 * approved one runs, and its success or failure message is recorded.
 */
public final class AuditedGate implements ChangeGate {
    private final Approver approver;
    private final AuditLog audit;
    private final Clock wallClock;
    private final TicketBook book = new TicketBook();

    /** {@code wallClock} stamps audit entries (UTC). */
    public AuditedGate(Approver approver, AuditLog audit, Clock wallClock) {
        this.approver = Objects.requireNonNull(approver);
        this.audit = Objects.requireNonNull(audit);
        this.wallClock = Objects.requireNonNull(wallClock);
    }

    /** The guard for the link to {@code port}: it lets a change frame out only on this gate's tickets. */
    @Override public LinkGuard guardFor(String port) { return new LinkGuard(book, port, audit, wallClock); }

    @Override public <T> T apply(Plan plan, Supplier<T> action) {
        BatchScope batch = BatchScope.current();
        Decision decision;
        if (batch != null && batch.covers(plan)) {
            approver.showInBatch(plan, batch.title());
            decision = new Decision(Answer.APPROVED_IN_BATCH, "", "");
        } else {
            decision = approver.decide(plan);
        }
        if (!decision.answer().approves()) {
            audit.append(new AuditEntry(wallClock.instant(), "", plan, decision.answer(), new Outcome.NotRun()));
            throw SeshException.declined(decision.message(), decision.hint());
        }
        String planId = TicketBook.nextId();
        T result;
        try {
            result = book.holding(plan, planId, action);
        } catch (RuntimeException | Error e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            audit.append(new AuditEntry(wallClock.instant(), planId, plan, decision.answer(), new Outcome.Failed(why)));
            throw e;
        }
        audit.append(new AuditEntry(wallClock.instant(), planId, plan, decision.answer(), new Outcome.Ok()));
        return result;
    }
}
