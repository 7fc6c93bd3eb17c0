package dev.sesh.plan;

/** Where gate decisions are recorded, append only. An implementation must not throw for I/O trouble it can report otherwise. */
public interface AuditLog {
    void append(AuditEntry entry);

    /** A change frame the link guard let through or refused (design.md 5.9). */
    default void appendFrame(FrameAuditEntry entry) { }
}
