package dev.sesh.bytes;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when someone sleeps on it or calls {@link #advance}. Thread-safe. */
public final class VirtualClock implements Clock {
    private final AtomicLong now;

    public VirtualClock() { this(0); }

    public VirtualClock(long startNanos) { this.now = new AtomicLong(startNanos); }

    @Override public long nanos() { return now.get(); }

    @Override public void sleepNanos(long nanos) {
        if (nanos > 0) now.addAndGet(nanos);
    }

    @Override public boolean isVirtual() { return true; }

    public void advance(long nanos) { sleepNanos(nanos); }

    public void advanceMillis(long ms) { sleepNanos(ms * 1_000_000L); }
}
