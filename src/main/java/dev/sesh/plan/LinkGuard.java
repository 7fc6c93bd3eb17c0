package dev.sesh.plan;

import dev.sesh.SeshException;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The one guard on a board's link (design.md 5.9): the RPC client hands it every request before
 * the bytes leave. A read-only frame passes. A change frame passes only when a ticket from an
 * approved plan of the same gate, open on this thread, covers each of its actions (kind, target,
 * reversibility) for this board; the guard then writes the frame's audit entry. Anything else is
 * refused with exit 3 and nothing is sent.
 */
public final class LinkGuard {
    private final TicketBook book;
    private final String port;
    private final AuditLog audit;
    private final Clock wallClock;

    LinkGuard(TicketBook book, String port, AuditLog audit, Clock wallClock) {
        this.book = Objects.requireNonNull(book);
        this.port = Objects.requireNonNull(port);
        this.audit = Objects.requireNonNull(audit);
        this.wallClock = Objects.requireNonNull(wallClock);
    }

    /** The board (port as given) this guard protects. */
    public String port() { return port; }

    /**
     * Lets the request through or throws. {@code paramsJson} is the exact params text that will be
     * sent (null: none).
     *
     * @throws SeshException exit 3 when no approved plan covers the frame
     */
    public void admit(String method, String paramsJson) {
        FrameClassifier.Verdict v = FrameClassifier.classify(method, paramsJson);
        if (!v.isChange()) return;
        TicketBook.Ticket ticket = null;
        for (Action a : v.actions()) {
            TicketBook.Ticket t = book.covering(port, a);
            if (t == null) {
                audit.appendFrame(new FrameAuditEntry(wallClock.instant(), port, "", method, v.what(), List.of(a), false));
                throw SeshException.declined("refused: " + v.what() + " (" + a.describe() + ") changes the board and no approved plan covers it",
                        "make the change with its command (it shows a plan and asks), or board.call(...) in a script, which asks too");
            }
            ticket = t;
        }
        audit.appendFrame(new FrameAuditEntry(wallClock.instant(), port, ticket.id, method, v.what(), v.actions(), true));
    }

    @Override public String toString() { return "LinkGuard[" + port + "]"; }
}
