package dev.sesh.rpc;

import java.time.Duration;

/** The board did not answer {@code method} within {@code timeout} (per attempt, after all retries). Exit code 4. */
public final class RpcTimeoutException extends RpcException {
    private final String method;
    private final Duration timeout;

    public RpcTimeoutException(String method, Duration timeout) {
        super("board did not answer " + method + " within " + seconds(timeout),
                "check the port and baud rate; the firmware needs the rpc-uart library", UNREACHABLE, null);
        this.method = method;
        this.timeout = timeout;
    }

    public String method() { return method; }

    public Duration timeout() { return timeout; }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
