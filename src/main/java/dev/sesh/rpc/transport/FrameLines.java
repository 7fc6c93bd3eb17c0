package dev.sesh.rpc.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridges the stream framing to message transports (mos-rpc.md 3: one WebSocket message = one
 * frame JSON, no delimiter, no CRC, no handshake). Outgoing stream bytes are cut at {@code \n};
 * each line loses {@code \r}, the Q3 delimiters and any CRC metadata after the last {@code }}, and
 * what remains, if it is a JSON object, becomes one message. Empty lines, the EOF handshake and log
 * text have no meaning on a message link and are dropped. Incoming messages become
 * {@code \n{json}\n} so the stream framer reads them like any frame.
 */
public final class FrameLines {
    /** A line longer than this without {@code \n} is not a frame anyone could send; it is dropped. */
    static final int MAX_LINE = 1 << 20;
    private static final String Q3 = "\"\"\"";

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean overlong;

    /** Feeds outgoing bytes; returns the frame JSON texts completed by them, in order. */
    public List<String> feed(byte[] b, int off, int len) {
        List<String> out = new ArrayList<>();
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                if (!overlong) {
                    String json = frameJson(line.toString(StandardCharsets.UTF_8));
                    if (json != null) out.add(json);
                }
                line.reset();
                overlong = false;
            } else if (!overlong) {
                line.write(b[i]);
                if (line.size() > MAX_LINE) {
                    overlong = true;
                    line.reset();
                }
            }
        }
        return out;
    }

    /** The JSON object in one stream line, or null when the line carries none. */
    static String frameJson(String text) {
        String t = text.strip();
        if (t.startsWith(Q3)) t = t.substring(3);
        if (t.endsWith(Q3)) t = t.substring(0, t.length() - 3);
        t = t.strip();
        int last = t.lastIndexOf('}');
        if (!t.startsWith("{") || last < 0) return null;
        return t.substring(0, last + 1);
    }

    /** One received message as stream bytes: {@code \n} json {@code \n} (mos ends messages with {@code \n}; it is stripped). */
    public static byte[] asStreamLine(String message) {
        return ("\n" + message.strip() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
