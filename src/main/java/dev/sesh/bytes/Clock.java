package dev.sesh.bytes;

/**
 * The one injected clock of design.md 5.4. The simulator, the chip model and the chip driver take
 * time only from here: {@code VirtualClock} (test scope) in unit tests (sleeping advances time at once, so
 * watchdogs, execution times and line-rate models cost no wall time), {@link #system()} in
 * {@code sim serve}, benchmarks and HTTPS. Lives in {@code bytes} because every layer may import it
 * (docs/decisions.md).
 */
public interface Clock {
    /** Monotonic nanoseconds; only differences mean anything. */
    long nanos();

    /** Waits {@code nanos}; a virtual clock advances instead of waiting. */
    void sleepNanos(long nanos) throws InterruptedException;

    /** True if {@link #sleepNanos} returns at once and moves time forward. */
    default boolean isVirtual() { return false; }

    default long millis() { return nanos() / 1_000_000L; }

    default void sleepMillis(long ms) throws InterruptedException { sleepNanos(ms * 1_000_000L); }

    static Clock system() { return SystemClock.INSTANCE; }

    /** Wall-clock time from {@link System#nanoTime()} and real sleeps. */
    final class SystemClock implements Clock {
        static final SystemClock INSTANCE = new SystemClock();

        private SystemClock() {}

        @Override public long nanos() { return System.nanoTime(); }

        @Override public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos <= 0) return;
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }
}
