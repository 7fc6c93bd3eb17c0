package dev.sesh.rpc;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Sees every frame JSON the client sends and every reply frame it accepts, for {@code --debug}.
 * Called on the caller's thread for sent frames and on the reader thread for received ones.
 */
@FunctionalInterface
public interface WireTrace {
    enum Direction { SENT, RECEIVED }

    void frame(Direction direction, String json);

    /**
     * {@code ==> {json}} / {@code <== {json}} lines, each frame's text first passed through
     * {@code redactor} (design.md 5.11: the composition root hands in plan.Redactor's {@code json}).
     */
    static WireTrace lines(Consumer<String> out, UnaryOperator<String> redactor) {
        return (direction, json) -> out.accept((direction == Direction.SENT ? "==> " : "<== ") + redactor.apply(json));
    }
}
