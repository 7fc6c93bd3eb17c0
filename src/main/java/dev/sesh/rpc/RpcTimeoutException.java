package dev.sesh.rpc;

import java.time.Duration;

/**
 * The board did not answer {@code method} within {@code timeout} (per attempt, after all retries),
 * exit code 4; or, from {@link #brokenFrame}, its answer was a frame that does not parse, exit code 1.
 * Both mean the reply was lost: a change may have taken effect.
 */
public final class RpcTimeoutException extends RpcException {
    private final String method;
    private final Duration timeout;
    private final String brokenFrame;

    public RpcTimeoutException(String method, Duration timeout) {
        super("board did not answer " + method + " within " + seconds(timeout),
                "check the port and baud rate; the firmware needs the rpc-uart library", UNREACHABLE, null);
        this.method = method;
        this.timeout = timeout;
        this.brokenFrame = "";
    }

    private RpcTimeoutException(String method, Duration timeout, String frame) {
        super("the board sent a broken frame for " + method + ": " + shown(frame),
                "the firmware printed text its JSON cannot carry, e.g. a non-ASCII config value: replace it with call Config.Set "
                        + "'{\"config\":{...},\"save\":true}' in plain ASCII",
                FAILED, null);
        this.method = method;
        this.timeout = timeout;
        this.brokenFrame = frame;
    }

    /** The board's reply to {@code method} was {@code frame} (ISO-8859-1 text), which is not JSON. */
    public static RpcTimeoutException brokenFrame(String method, Duration timeout, String frame) {
        return new RpcTimeoutException(method, timeout, frame);
    }

    public String method() { return method; }

    public Duration timeout() { return timeout; }

    /** The broken frame's text (one char per byte), or empty when nothing came back. */
    public String brokenFrame() { return brokenFrame; }

    // Printable ASCII as is, every other byte as \\xNN, so the user sees exactly what came; a long
    // frame is cut to the stretch around its first such byte (or its end), where it broke.
    private static String shown(String frame) {
        int bad = frame.length() - 1;
        for (int i = 0; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                bad = i;
                break;
            }
        }
        int from = Math.max(0, bad - 100);
        int to = Math.min(frame.length(), bad + 60);
        StringBuilder sb = new StringBuilder(from > 0 ? "..." : "");
        for (int i = from; i < to; i++) {
            char c = frame.charAt(i);
            if (c >= 0x20 && c < 0x7f) sb.append(c);
            else sb.append(String.format("\\x%02x", (int) c & 0xff));
        }
        return to < frame.length() ? sb + "..." : sb.toString();
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
