package dev.sesh.device;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The board's log as a serial monitor shows it ({@code monitor}, issue 19): each line the board
 * printed between RPC frames, with the bytes it was made of; runs of bytes that are not text (the
 * ESP8266 ROM prints its boot message at 74880 baud, which reads as garbage at 115200, mos-rpc.md
 * "After a reboot") merged into one {@link NonText} event instead of mojibake; and a {@link Reboot}
 * event where boot text starts. Lines arrive from the link's reader thread; {@link #next} hands them
 * out in order, and a run of non-text bytes ends at the next text line or after {@link #QUIET_MS}
 * without input.
 */
public final class LogMonitor implements AutoCloseable {
    /** Quiet time after which a pending run of non-text bytes is reported. */
    public static final long QUIET_MS = 150;
    /** Boot text within this time of the last reboot belongs to the same boot. */
    static final long SAME_BOOT_NANOS = 3_000_000_000L;

    /** Something the monitor shows; {@code nanos} on the board's clock, {@code at} wall time of arrival. */
    public sealed interface Event {
        long nanos();

        Instant at();
    }

    /** A text line (UTF-8, escape sequences removed) and the bytes it came from (without its newline). */
    public record Line(long nanos, Instant at, String text, byte[] raw) implements Event {}

    /** A run of bytes that are not text, e.g. the ESP8266 ROM's 74880-baud boot message. */
    public record NonText(long nanos, Instant at, byte[] raw) implements Event {}

    /** Boot text starts here: the board (re)started. */
    public record Reboot(long nanos, Instant at, String sign) implements Event {}

    // ESP32 ROM (readable at 115200), the ESP8266 ROM when the port runs at 74880, Mongoose OS's first lines.
    private static final Pattern BOOT = Pattern.compile(
            "^(ets \\w{3} [ \\d]\\d \\d{4}|rst:0x[0-9a-f]+ \\(|\\S+\\.c:\\d+\\s+Mongoose OS \\d|shim_platform\\.c:\\d+\\s)");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-?]*[ -/]*[@-~]");

    private final Board board;
    private final Supplier<Instant> wall;
    private final Consumer<String> listener = this::arrived;
    private final BlockingQueue<Event> out = new LinkedBlockingQueue<>();
    private final List<Event> held = new ArrayList<>();
    private byte[] pending = new byte[0];
    private long pendingNanos;
    private Instant pendingAt;
    private long lastInputNanos = System.nanoTime();
    private long lastReboot;
    private boolean booted;

    private LogMonitor(Board board, Supplier<Instant> wall) {
        this.board = board;
        this.wall = wall;
    }

    /** Starts watching {@code board}'s log; close to stop. */
    public static LogMonitor attach(Board board, Supplier<Instant> wall) {
        LogMonitor m = new LogMonitor(board, wall);
        board.addLogListener(m.listener);
        return m;
    }

    /** The next event, waiting up to {@code timeoutMs}; null when there is none yet. */
    public Event next(long timeoutMs) throws InterruptedException {
        Event e = out.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (e != null) return e;
        synchronized (this) {
            if (pending.length > 0 && System.nanoTime() - lastInputNanos >= QUIET_MS * 1_000_000L) flushPending();
        }
        return out.poll();
    }

    /** The board being watched. */
    public Board board() { return board; }

    private void arrived(String latin1) {
        byte[] raw = latin1.getBytes(StandardCharsets.ISO_8859_1);
        long nanos = board.clock().nanos();
        Instant at = wall.get();
        synchronized (this) {
            lastInputNanos = System.nanoTime();
            for (Event e : split(raw, nanos, at)) {
                if (e instanceof NonText n) {
                    if (pending.length == 0) {
                        pendingNanos = n.nanos();
                        pendingAt = n.at();
                    }
                    pending = concat(pending, n.raw());
                    continue;
                }
                Line line = (Line) e;
                if (BOOT.matcher(line.text()).find() && (!booted || nanos - lastReboot > SAME_BOOT_NANOS)) {
                    booted = true;
                    lastReboot = nanos;
                    // The ROM's garbage that came just before is part of this boot: the marker goes above it.
                    out.add(new Reboot(pending.length > 0 ? pendingNanos : nanos, pending.length > 0 ? pendingAt : at, line.text()));
                }
                flushPending();
                out.add(line);
            }
        }
    }

    private void flushPending() {
        if (pending.length == 0) return;
        out.add(new NonText(pendingNanos, pendingAt, pending));
        pending = new byte[0];
    }

    /**
     * One log line as events: a text line, a non-text run, or a non-text run followed by the text
     * the line ends with (Mongoose OS's first line often shares a line with the ROM's garbage).
     */
    static List<Event> split(byte[] raw, long nanos, Instant at) {
        if (isText(raw, 0, raw.length)) return List.of(new Line(nanos, at, text(raw, 0, raw.length), raw));
        int lastBad = raw.length - 1;
        while (lastBad >= 0 && isText(raw, lastBad, raw.length)) lastBad--;
        int tail = raw.length - lastBad - 1;
        byte[] bad = java.util.Arrays.copyOfRange(raw, 0, lastBad + 1);
        // The byte just before the tail may be the first of a UTF-8 sequence cut by garbage; a short tail is noise.
        if (tail >= 8) {
            byte[] good = java.util.Arrays.copyOfRange(raw, lastBad + 1, raw.length);
            return List.of(new NonText(nanos, at, withNewline(bad)), new Line(nanos, at, text(good, 0, good.length), good));
        }
        return List.of(new NonText(nanos, at, withNewline(raw)));
    }

    private static byte[] withNewline(byte[] b) { return concat(b, new byte[] {'\n'}); }

    /** UTF-8 with no control bytes other than tab and escape sequences. */
    static boolean isText(byte[] b, int from, int to) {
        String s = ANSI.matcher(new String(b, from, to - from, StandardCharsets.ISO_8859_1)).replaceAll("");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String text(byte[] b, int from, int to) {
        return ANSI.matcher(new String(b, from, to - from, StandardCharsets.UTF_8)).replaceAll("").replace('\t', ' ');
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override public void close() { board.removeLogListener(listener); }
}
