package dev.sesh.sim.conf;

/** What a Config.* call answers: a result body as the firmware formats it, or an RPC error. */
public sealed interface ConfigReply {
    /** {@code body} is the raw result text (compact JSON or a bare scalar). */
    record Ok(String body) implements ConfigReply {}

    /** An RPC error with the firmware's code and message. */
    record Fail(int code, String message) implements ConfigReply {}
}
