package dev.sesh.sim;

import java.io.ByteArrayOutputStream;

/**
 * The device's UART transmitter: bytes leave in order, one every {@code byteNanos} (10 bit times
 * at the baud rate; 0 = as fast as the host reads), and stop while the host holds XOFF, for at
 * most {@link #XOFF_TIMEOUT_NANOS} (mos-rpc.md 1.5). Times are the board clock's nanoseconds.
 */
final class UartTx {
    static final long XOFF_TIMEOUT_NANOS = 2_000_000_000L;
    /** Flow-control bytes (mos-rpc.md 1.5). */
    static final byte XON = 0x11, XOFF = 0x13;

    private final long byteNanos;
    private final ByteArrayOutputStream queue = new ByteArrayOutputStream();
    private final java.util.ArrayDeque<Byte> urgent = new java.util.ArrayDeque<>();
    private byte[] pending = new byte[0];
    private int sent;
    private long nextByteAt;
    private long pausedUntil = Long.MIN_VALUE;

    UartTx(long byteNanos) { this.byteNanos = byteNanos; }

    /** Nanoseconds per byte at {@code baud} (8N1 = 10 bits); 0 for unpaced. */
    static long byteNanos(int baud) { return baud <= 0 ? 0 : 10_000_000_000L / baud; }

    void write(byte[] b, long now) {
        if (b.length == 0) return;
        if (idle()) nextByteAt = Math.max(nextByteAt, now);
        queue.writeBytes(b);
    }

    void write(String latin1, long now) { write(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), now); }

    /** Flow control of our own (XON/XOFF): goes out next, ahead of bytes still waiting. */
    void urgent(byte b, long now) {
        if (idle()) nextByteAt = Math.max(nextByteAt, now);
        urgent.addLast(b);
    }

    /** Host sent XOFF: stop sending until XON or the timeout. */
    void xoff(long now) { pausedUntil = now + XOFF_TIMEOUT_NANOS; }

    /** Host sent XON. */
    void xon(long now) {
        if (pausedUntil > now) pausedUntil = now;
    }

    boolean paused(long now) { return now < pausedUntil; }

    /** True when every byte written so far has left. */
    boolean idle() { return urgent.isEmpty() && sent == pending.length && queue.size() == 0; }

    /** Moves the bytes due by {@code now} to {@code out}; XON/XOFF of our own first. */
    void drain(long now, ByteArrayOutputStream out) {
        while (!idle() && !paused(now)) {
            if (pausedUntil > nextByteAt) nextByteAt = pausedUntil; // sending resumes where the pause ended
            if (byteNanos > 0 && nextByteAt + byteNanos > now) return;
            if (!urgent.isEmpty()) {
                out.write(urgent.removeFirst());
            } else {
                if (sent == pending.length) {
                    pending = queue.toByteArray();
                    queue.reset();
                    sent = 0;
                }
                out.write(pending[sent++]);
            }
            nextByteAt += byteNanos;
        }
    }

    /** When every byte written so far will have left (unless paused again), or Long.MAX_VALUE when idle. */
    long nextEventAt(long now) {
        if (idle()) return Long.MAX_VALUE;
        if (paused(now)) return pausedUntil;
        if (byteNanos == 0) return now;
        long remaining = urgent.size() + (pending.length - sent) + queue.size();
        return Math.max(nextByteAt, pausedUntil) + remaining * byteNanos;
    }
}
