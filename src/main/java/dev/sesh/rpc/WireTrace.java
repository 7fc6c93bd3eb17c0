package dev.sesh.rpc;

import dev.sesh.rpc.frame.Redact;

import java.util.function.Consumer;

/**
 * Sees every frame JSON the client sends and every reply frame it accepts, for {@code --debug}.
 * Called on the caller's thread for sent frames and on the reader thread for received ones.
 */
@FunctionalInterface
public interface WireTrace {
    enum Direction { SENT, RECEIVED }

    void frame(Direction direction, String json);

    /** {@code ==> {json}} / {@code <== {json}} lines with secrets redacted (design.md 5.11). */
    static WireTrace lines(Consumer<String> out) { return lines(out, (method, parent, field) -> false); }

    /** As {@link #lines(Consumer)}, hiding also what {@code extra} marks secret. */
    static WireTrace lines(Consumer<String> out, Redact.Rule extra) {
        return (direction, json) -> out.accept((direction == Direction.SENT ? "==> " : "<== ") + Redact.json(json, extra));
    }
}
