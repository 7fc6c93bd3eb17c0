package dev.sesh.shell.complete;

import dev.sesh.device.BackgroundRefresh;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A completion source's last answer, refreshed in the background so Tab never waits for the board.
 * {@link #get()} returns at once with what is known (the empty value before the first load) and,
 * when that is older than the maximum age, starts one refresh on the executor; a refresh that
 * fails keeps the old value. Commands that read the same state anyway hand it over with
 * {@link #put}, so the next Tab is current without a second round trip.
 *
 * @param <T> the cached value (a list of names, a map of descriptions...)
 */
public final class CandidateCache<T> {
    private final long maxAgeNanos;
    private final LongSupplier nanos;
    private final BackgroundRefresh loading;
    private volatile T value;
    private volatile long loadedAt;
    private volatile boolean loaded;

    /**
     * @param loader   asks the board; runs only on {@code executor}
     * @param empty    what {@link #get()} answers before the first load
     * @param maxAge   after this the next {@link #get()} starts a refresh
     * @param nanos    monotonic time in nanoseconds (the board's clock, virtual in tests)
     * @param executor where refreshes run (a daemon thread in the console, a direct executor in tests)
     */
    public CandidateCache(Supplier<T> loader, T empty, Duration maxAge, LongSupplier nanos, Executor executor) {
        this.value = empty;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanos = nanos;
        this.loading = new BackgroundRefresh(() -> put(loader.get()), executor, () -> {
            synchronized (this) { notifyAll(); }
        });
    }

    /** The last known value, never blocking; starts a background refresh if it is missing or stale. */
    public T get() {
        if (!loaded || nanos.getAsLong() - loadedAt >= maxAgeNanos) refresh();
        return value;
    }

    /**
     * As {@link #get()}, but the first time (nothing loaded yet) waits up to {@code limit} for the
     * load it starts, so the first Tab after connecting offers candidates instead of nothing.
     */
    public T getWaitingFirst(Duration limit) {
        T now = get();
        if (loaded) return now;
        long end = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            while (!loaded && loading.running()) {
                long left = end - System.nanoTime();
                if (left <= 0) break;
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return value;
    }

    /** The last known value without starting anything. */
    public T peek() { return value; }

    /** Whether a value has been loaded or put. */
    public boolean loaded() { return loaded; }

    /** Records a value the caller read anyway (e.g. {@code rpc list} or {@code i2c scan}). */
    public void put(T fresh) {
        value = fresh;
        loadedAt = nanos.getAsLong();
        loaded = true;
    }

    /** Starts a refresh unless one is running. */
    public void refresh() { loading.start(); }

    /** How long the first Tab waits for candidates nobody has loaded yet (a later Tab never waits). */
    public static final Duration FIRST_FILL = Duration.ofMillis(1500);

    /**
     * Waits up to {@code limit} until {@code filled} holds, for sources with their own background
     * refresh (the board's file names and config keys); returns whether it holds.
     */
    public static boolean awaitFirstFill(BooleanSupplier filled, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!filled.getAsBoolean()) {
            if (System.nanoTime() >= end) return false;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** One daemon thread shared by the console's caches; board calls are serialised by the link anyway. */
    public static Executor backgroundExecutor() { return Background.EXECUTOR; }

    private static final class Background {
        static final Executor EXECUTOR = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sesh-completion");
            t.setDaemon(true);
            return t;
        });
    }
}
