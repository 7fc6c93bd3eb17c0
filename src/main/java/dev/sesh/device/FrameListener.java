package dev.sesh.device;

/**
 * Sees every frame's JSON text on a board's link, as sent and as received (for the decoded wire
 * trace, issue 19). Called on the caller's thread for sent frames and on the reader thread for
 * received ones; it must not block, and what it throws is ignored.
 */
@FunctionalInterface
public interface FrameListener {
    void frame(boolean sent, String json);
}
