package dev.sesh.shell.complete;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final Supplier<T> loader;
    private final long maxAgeNanos;
    private final LongSupplier nanos;
    private final Executor executor;
    private final AtomicBoolean loading = new AtomicBoolean();
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
        this.loader = loader;
        this.value = empty;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanos = nanos;
        this.executor = executor;
    }

    /** The last known value, never blocking; starts a background refresh if it is missing or stale. */
    public T get() {
        if (!loaded || nanos.getAsLong() - loadedAt >= maxAgeNanos) refresh();
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
    public void refresh() {
        if (!loading.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                try {
                    put(loader.get());
                } catch (RuntimeException e) {
                    // Completion only: a board that cannot answer now keeps the old candidates.
                } finally {
                    loading.set(false);
                }
            });
        } catch (RuntimeException e) {
            loading.set(false);
            throw e;
        }
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
