package dev.sesh.rpc.frame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An incremental, non-blocking frame splitter for the Mongoose OS RPC byte stream
 * (mos-rpc.md section 1). Feed it what a transport read; it returns 0..n {@link FrameEvent}s in
 * stream order and keeps partial bytes for the next call. Not thread-safe: one reader feeds it.
 *
 * <p>{@link Role#DEVICE} follows the firmware's parser exactly (mos-rpc.md 1.3, mos-captures
 * README 5.4): input is taken in UART batches of at most 256 bytes; a byte &gt;= 0x80 in a batch
 * clears the whole buffer and the batch; {@code """} is searched before {@code \n}; after each
 * batch more than {@code maxFrameSize + 6} buffered bytes are dropped.
 *
 * <p>{@link Role#HOST} applies the client rule of mos-rpc.md 1.6: split on {@code \n}, strip
 * {@code \r} and a leading and trailing {@code """}; EOF is the handshake echo, a line starting
 * with '{' is a frame candidate, any other non-empty line is a device log line. No high-byte flush;
 * a line longer than 1 MiB is dropped.
 *
 * <p>Both roles remove XON/XOFF (0x11/0x13) wherever they appear (mos-rpc.md 1.5).
 */
public final class StreamFramer {
    /** Default {@code rpc.max_frame_size} of the firmware. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 4096;
    /** Bytes the device reads from its UART per dispatch ({@code rx_buf_size}). */
    public static final int DEVICE_BATCH = 256;
    /** Longest line the host keeps before giving up on it. */
    public static final int HOST_MAX_LINE = 1 << 20;

    /** The device's log text for {@link FrameEvent.Reason#TOO_BIG} (mos-captures README 5.4), used as the event's detail. */
    public static final String TOO_BIG_TEXT = "Incoming frame is too big, dropping.";

    private static final byte XON = 0x11, XOFF = 0x13, EOF = 0x04, Q = '"';

    private final Role role;
    private final int limit;
    private byte[] buf = new byte[512];
    private int size;
    private boolean q3Seen;
    private boolean discardingLine;
    private int scanned;

    public StreamFramer(Role role) { this(role, DEFAULT_MAX_FRAME_SIZE); }

    /** {@code maxFrameSize} is the device's {@code rpc.max_frame_size}; ignored in HOST role. */
    public StreamFramer(Role role, int maxFrameSize) {
        if (maxFrameSize < 1) throw new IllegalArgumentException("maxFrameSize " + maxFrameSize);
        this.role = role;
        this.limit = role == Role.DEVICE ? maxFrameSize + 6 : HOST_MAX_LINE;
    }

    public Role role() { return role; }

    /** DEVICE role: true once {@code """} has been seen in the input (compat mode, sticky until reboot). */
    public boolean q3Seen() { return q3Seen; }

    /** Bytes currently buffered without a delimiter. */
    public int buffered() { return size; }

    /**
     * Feeds bytes and returns the events they complete. In DEVICE role the bytes are taken as
     * consecutive UART batches of at most {@link #DEVICE_BATCH} bytes.
     */
    public List<FrameEvent> feed(byte[] b, int off, int len) {
        List<FrameEvent> out = new ArrayList<>();
        if (role == Role.DEVICE) {
            for (int p = off; p < off + len; p += DEVICE_BATCH) deviceBatch(b, p, Math.min(DEVICE_BATCH, off + len - p), out);
        } else {
            host(b, off, len, out);
        }
        return out;
    }

    public List<FrameEvent> feed(byte[] b) { return feed(b, 0, b.length); }

    // ---- device role -----------------------------------------------------------------------

    private void deviceBatch(byte[] b, int off, int len, List<FrameEvent> out) {
        for (int i = off; i < off + len; i++) {
            if ((b[i] & 0x80) != 0) {
                out.add(new FrameEvent.Dropped(FrameEvent.Reason.HIGH_BYTE,
                        String.format("byte 0x%02x: dropped %d buffered and %d batch bytes", b[i] & 0xff, size, len)));
                size = 0;
                scanned = 0;
                return;
            }
        }
        appendStripped(b, off, len);
        while (true) {
            // Bytes before `scanned` held neither delimiter; a Q3 may still end in the new bytes.
            int q = indexOfQ3(Math.max(0, scanned - 2));
            int end, skip;
            if (q >= 0) {
                end = q;
                skip = 3;
                q3Seen = true;
            } else {
                end = indexOf((byte) '\n', scanned);
                skip = 1;
                if (end < 0) {
                    scanned = size;
                    break;
                }
            }
            deviceContent(0, end, out);
            consume(end + skip);
            scanned = 0;
        }
        if (size > limit) {
            out.add(new FrameEvent.Dropped(FrameEvent.Reason.TOO_BIG, TOO_BIG_TEXT));
            size = 0;
            scanned = 0;
        }
    }

    private void deviceContent(int from, int to, List<FrameEvent> out) {
        if (isBlank(from, to)) {
            out.add(new FrameEvent.Empty());
        } else if (to - from == 1 && buf[from] == EOF) {
            out.add(new FrameEvent.Eof());
        } else {
            int open = indexOf((byte) '{', from, to);
            if (open < 0) {
                out.add(new FrameEvent.Dropped(FrameEvent.Reason.NO_BRACE, text(from, to)));
            } else {
                out.add(candidate(open, to));
            }
        }
    }

    // ---- host role -------------------------------------------------------------------------

    private void host(byte[] b, int off, int len, List<FrameEvent> out) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] != '\n') continue;
            appendLine(b, start, i - start, out);
            if (discardingLine) discardingLine = false;
            else hostLine(out);
            size = 0;
            start = i + 1;
        }
        appendLine(b, start, off + len - start, out);
        // The device answers an EOF framed by newlines with Q3 EOF Q3 and no newline after it.
        int s = 0;
        while (s < size && buf[s] == '\r') s++;
        if (!discardingLine && size - s == 7 && startsWithQ3(s) && buf[s + 3] == EOF && startsWithQ3(s + 4)) {
            out.add(new FrameEvent.Eof());
            size = 0;
        }
    }

    private void appendLine(byte[] b, int off, int len, List<FrameEvent> out) {
        if (discardingLine) return;
        appendStripped(b, off, len);
        if (size > limit) {
            out.add(new FrameEvent.Dropped(FrameEvent.Reason.TOO_BIG, "line longer than " + limit + " bytes"));
            size = 0;
            discardingLine = true;
        }
    }

    private void hostLine(List<FrameEvent> out) {
        int from = 0, to = size;
        while (to > from && buf[to - 1] == '\r') to--;
        while (from < to && buf[from] == '\r') from++;
        int rawFrom = from, rawTo = to;
        if (to - from >= 3 && startsWithQ3(from)) from += 3;
        if (to - from >= 3 && startsWithQ3(to - 3)) to -= 3;
        if (isBlank(from, to)) return;
        if (to - from == 1 && buf[from] == EOF) {
            out.add(new FrameEvent.Eof());
        } else if (buf[from] == '{') {
            if (lastIndexOf((byte) '}', from, to) < 0) {
                out.add(new FrameEvent.Dropped(FrameEvent.Reason.NO_CLOSING_BRACE, text(from, to)));
            } else {
                out.add(candidate(from, to));
            }
        } else {
            out.add(new FrameEvent.Log(text(rawFrom, rawTo)));
        }
    }

    // ---- shared ----------------------------------------------------------------------------

    /** Json event for buf[open, to): json up to the last '}', the rest is meta. */
    private FrameEvent.Json candidate(int open, int to) {
        int close = lastIndexOf((byte) '}', open, to);
        int jsonEnd = close < 0 ? open : close + 1;
        String json = text(open, jsonEnd);
        String rawMeta = text(jsonEnd, to);
        String meta = rawMeta.strip();
        FrameEvent.Crc crc = FrameEvent.Crc.ABSENT;
        if (rawMeta.length() >= 8) {
            FrameEvent.Json probe = new FrameEvent.Json(json, meta, FrameEvent.Crc.INVALID);
            crc = probe.givenCrc() == probe.computedCrc() && close >= 0 ? FrameEvent.Crc.VALID : FrameEvent.Crc.INVALID;
        }
        return new FrameEvent.Json(json, meta, crc);
    }

    private void appendStripped(byte[] b, int off, int len) {
        if (size + len > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c != XON && c != XOFF) buf[size++] = c;
        }
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, size - n);
        size -= n;
    }

    private boolean startsWithQ3(int i) { return buf[i] == Q && buf[i + 1] == Q && buf[i + 2] == Q; }

    private int indexOfQ3(int from) {
        for (int i = from; i + 3 <= size; i++) if (startsWithQ3(i)) return i;
        return -1;
    }

    private int indexOf(byte c, int from) { return indexOf(c, from, size); }

    private int indexOf(byte c, int from, int to) {
        for (int i = from; i < to; i++) if (buf[i] == c) return i;
        return -1;
    }

    private int lastIndexOf(byte c, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (buf[i] == c) return i;
        return -1;
    }

    /** C isspace: space, \t, \n, \v, \f, \r. */
    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c != ' ' && (c < 0x09 || c > 0x0d)) return false;
        }
        return true;
    }

    private String text(int from, int to) { return new String(buf, from, to - from, StandardCharsets.ISO_8859_1); }
}
