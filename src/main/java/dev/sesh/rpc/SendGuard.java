package dev.sesh.rpc;

/**
 * Decides, from the exact request, whether it may leave (design.md 5.9). The client calls it once
 * per call, before the first byte of the request is written; it throws to refuse, and then nothing
 * is sent. The composition root installs the confirm gate's link guard here.
 */
@FunctionalInterface
public interface SendGuard {
    /** Lets nothing be refused: only for clients that are not a user's link to a board (tests, the simulator's own tools). */
    SendGuard NONE = (method, params) -> { };

    /** Returns normally to let {@code method} with {@code compactParams} (null: none) go; throws to refuse. */
    void admit(String method, String compactParams);
}
