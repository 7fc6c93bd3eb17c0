package dev.sesh.sim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * The host-to-device half of the wire and the ESP8266's receive path (docs/simulator.md, "UART
 * receive"). Host bytes cross the wire one every {@code byteNanos} in the order written, so each
 * byte's arrival time is fixed when it is written. The firmware's task drains the 128-byte hardware
 * FIFO into its receive buffer whenever it runs; while an RPC handler runs it does not, so bytes
 * arriving then wait in the FIFO, and once the FIFO holds {@link #FIFO_BYTES} the rest are lost
 * (overrun). With software flow control the interrupt handler sends XOFF when the FIFO reaches
 * {@link #XOFF_AT} bytes (esp_uart.c: {@code rx_fifo_fc_thresh} 100) and the task sends XON once it
 * has drained it. Times are the board clock's nanoseconds; {@code byteNanos} 0 means an unpaced
 * link, where nothing is ever lost.
 */
final class UartRx {
    /** The ESP8266 UART's hardware receive FIFO. */
    static final int FIFO_BYTES = 128;
    /** FIFO fill at which the interrupt handler sends XOFF (software flow control). */
    static final int XOFF_AT = 100;

    /** FIFO fill that raises the receive interrupt (esp_uart.c: {@code rx_fifo_full_thresh} 40). */
    static final int WAKE_AT = 40;

    private record Segment(byte[] data, long firstAt) { }

    private final long byteNanos;
    private final ArrayDeque<Segment> queue = new ArrayDeque<>();
    /** Bytes of the head segment already taken (delivered or lost). */
    private int headOff;
    /** When the last byte written so far will have crossed the wire. */
    private long wireEnd = Long.MIN_VALUE;
    private long lost;

    UartRx(long byteNanos) { this.byteNanos = byteNanos; }

    /** The host wrote {@code b} at {@code writtenAt}: it crosses the wire after what is already on it. */
    void write(byte[] b, long writtenAt) {
        if (b.length == 0) return;
        long first = Math.max(wireEnd, writtenAt) + byteNanos;
        queue.addLast(new Segment(b, first));
        wireEnd = first + (long) (b.length - 1) * byteNanos;
    }

    boolean isEmpty() { return queue.isEmpty(); }

    /** How many bytes not yet taken had crossed the wire by {@code t}. */
    int arrivedBy(long t) {
        long n = 0;
        int off = headOff;
        for (Segment s : queue) {
            int left = s.data.length - off;
            long at = s.firstAt + (long) off * byteNanos;
            int k = byteNanos == 0 ? (t >= s.firstAt ? left : 0)
                    : t < at ? 0 : (int) Math.min(left, (t - at) / byteNanos + 1);
            n += k;
            if (k < left) break;
            off = 0;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** When the next byte not yet taken crosses the wire, or Long.MAX_VALUE if none is on its way. */
    long nextArrival() {
        Segment s = queue.peekFirst();
        return s == null ? Long.MAX_VALUE : s.firstAt + (long) headOff * byteNanos;
    }

    /**
     * When the firmware is next woken to read: once {@link #WAKE_AT} bytes not yet taken have
     * arrived (the FIFO-full interrupt), or the last byte on its way has; Long.MAX_VALUE if none is.
     */
    long wakeAt() {
        if (queue.isEmpty()) return Long.MAX_VALUE;
        long last = Long.MAX_VALUE;
        int off = headOff;
        long i = WAKE_AT - 1;
        for (Segment s : queue) {
            int left = s.data.length - off;
            if (i < left) return s.firstAt + (off + i) * byteNanos;
            i -= left;
            last = s.firstAt + (long) (s.data.length - 1) * byteNanos;
            off = 0;
        }
        return last;
    }

    /** Takes the next {@code n} bytes off the wire for the firmware. */
    byte[] take(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        skip(n, out);
        return out.toByteArray();
    }

    /**
     * The firmware's task was busy from {@code from} to {@code to} (a handler ran) and read nothing:
     * bytes arriving meanwhile filled the FIFO, and those beyond it are lost. Bytes that had arrived
     * by {@code from} are not affected (the task had read them). Returns when the FIFO reached the
     * XOFF mark, or Long.MIN_VALUE if it did not.
     */
    long busy(long from, long to) {
        if (byteNanos == 0 || to <= from) return Long.MIN_VALUE;
        int before = arrivedBy(from);
        int during = arrivedBy(to) - before;
        if (during <= 0) return Long.MIN_VALUE;
        long xoffAt = during >= XOFF_AT ? arrivalOf(before + XOFF_AT - 1, from) : Long.MIN_VALUE;
        if (during > FIFO_BYTES) {
            byte[] kept = take(before + FIFO_BYTES);
            skip(during - FIFO_BYTES, null);
            lost += during - FIFO_BYTES;
            Segment rest = queue.pollFirst();
            if (rest != null) {
                queue.addFirst(new Segment(java.util.Arrays.copyOfRange(rest.data, headOff, rest.data.length),
                        rest.firstAt + (long) headOff * byteNanos));
            }
            // what the firmware had read and what the FIFO holds stay first in line, all arrived by `to`
            queue.addFirst(new Segment(kept, to - (long) (kept.length - 1) * byteNanos));
            headOff = 0;
        }
        return xoffAt;
    }

    /** Bytes lost to FIFO overruns so far. */
    long lost() { return lost; }

    private long arrivalOf(int index, long notBefore) {
        // index counts from the first byte not yet taken; the FIFO filled at or after `notBefore`
        int off = headOff;
        long i = index;
        for (Segment s : queue) {
            int left = s.data.length - off;
            if (i < left) return Math.max(notBefore, s.firstAt + (off + i) * byteNanos);
            i -= left;
            off = 0;
        }
        return notBefore;
    }

    private void skip(int n, ByteArrayOutputStream out) {
        while (n > 0 && !queue.isEmpty()) {
            Segment s = queue.peekFirst();
            int k = Math.min(n, s.data.length - headOff);
            if (out != null) out.write(s.data, headOff, k);
            headOff += k;
            n -= k;
            if (headOff == s.data.length) {
                queue.removeFirst();
                headOff = 0;
            }
        }
    }
}
