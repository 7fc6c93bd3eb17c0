package dev.sesh.sim.service;

/**
 * What a handler answers (mos-rpc.md 2.2). The core wraps it in the reply envelope
 * ({@code id, src, dst, tag, result|error}) unless the request had no id.
 */
public sealed interface SimReply {
    /**
     * Success. {@code body} is the result exactly as the firmware prints it, spacing included
     * ({@code {"saved": false}}, {@code [80, 96]}, {@code null}); build strings inside it with
     * {@link DeviceJsonOut}. The body is a byte string; a NUL cuts it (as the C string it is).
     */
    record Result(String body) implements SimReply {
        public Result {
            if (body == null || body.isEmpty()) throw new IllegalArgumentException("a result body is required; use \"null\"");
        }
    }

    /** Failure {@code {"code":C,"message":"M"}}; a null message prints {@code {"code":C}} (Sys.SetDebug success is code 0). */
    record Error(int code, String message) implements SimReply {}

    /** The handler already replied through {@link SimContext#respond}, or never replies. */
    record NoReply() implements SimReply {}

    static SimReply result(String body) { return new Result(body); }

    /** {@code "result":null}. */
    static SimReply nullResult() { return new Result("null"); }

    static SimReply error(int code, String message) { return new Error(code, message); }

    static SimReply none() { return new NoReply(); }
}
