package dev.sesh.rpc.transport;

import dev.sesh.bytes.Clock;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Software flow control in user space (mos-rpc.md 1.5, design.md 5.8), shared by the serial and
 * TCP transports. XON (0x11) and XOFF (0x13) cannot occur in valid JSON, so {@link #filterInput}
 * removes them wherever they appear. The last one seen decides: after XOFF our writes wait in
 * {@link #awaitWritable} until XON, or until {@code pauseLimit} has passed since the XOFF, then
 * resume on their own (the device does the same with 2 s).
 *
 * <p>Time comes from the injected {@link Clock}. With a virtual clock a waiting writer re-checks
 * every few milliseconds, so a test moves time forward instead of sleeping.
 */
public final class XonXoff {
    public static final byte XON = 0x11;
    public static final byte XOFF = 0x13;
    /** The device's own limit (mos-rpc.md 1.5). */
    public static final Duration DEFAULT_PAUSE_LIMIT = Duration.ofSeconds(2);

    private static final long VIRTUAL_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Clock clock;
    private final long limitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private boolean paused;
    private long pausedAt;
    private int waiting;
    private long timeouts;

    public XonXoff(Clock clock, Duration pauseLimit) {
        this.clock = clock;
        this.limitNanos = pauseLimit.toNanos();
    }

    /** With the system clock and the 2 s limit. */
    public static XonXoff standard() { return new XonXoff(Clock.system(), DEFAULT_PAUSE_LIMIT); }

    /**
     * Removes XON/XOFF bytes from {@code buf[off, off+len)} in place, updating the pause state.
     * Returns how many bytes remain at {@code buf[off]}.
     */
    public int filterInput(byte[] buf, int off, int len) {
        int out = off;
        Boolean last = null;
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == XOFF) last = Boolean.TRUE;
            else if (b == XON) last = Boolean.FALSE;
            else buf[out++] = b;
        }
        if (last != null) setPaused(last);
        return out - off;
    }

    private void setPaused(boolean p) {
        lock.lock();
        try {
            if (p && !paused) pausedAt = clock.nanos();
            paused = p;
            if (!p) resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True while the peer's XOFF holds (ignoring the time limit). */
    public boolean peerPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Writers currently held by an XOFF. */
    public int waitingWriters() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** How many times a pause ended by the time limit rather than by XON. */
    public long timeouts() {
        lock.lock();
        try {
            return timeouts;
        } finally {
            lock.unlock();
        }
    }

    /** Returns at once unless the peer sent XOFF; then waits for XON or the pause limit. */
    public void awaitWritable() throws InterruptedIOException {
        lock.lock();
        try {
            waiting++;
            while (paused) {
                long left = limitNanos - (clock.nanos() - pausedAt);
                if (left <= 0) {
                    // The peer's XON got lost or never comes: go on, like the device does.
                    paused = false;
                    timeouts++;
                    break;
                }
                resumed.awaitNanos(clock.isVirtual() ? VIRTUAL_RECHECK_NANOS : left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the peer held XOFF");
        } finally {
            waiting--;
            lock.unlock();
        }
    }

    /** Throws if {@code b[off, off+len)} holds XON or XOFF: a host must never send them stray. */
    public static void checkOutgoing(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            if (b[i] == XON || b[i] == XOFF) {
                throw new IOException(String.format("refusing to send byte 0x%02x at offset %d: XON/XOFF are flow control, never data", b[i], i - off));
            }
        }
    }
}
