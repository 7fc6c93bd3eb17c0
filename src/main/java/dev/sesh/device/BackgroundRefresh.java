package dev.sesh.device;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One background refresh at a time, for what completion shows (the board's file names and config
 * keys, the shell's candidate caches): {@link #start()} runs the load on the executor unless a load
 * is running. A load that throws keeps the old value: completion must never fail or wait because
 * the board cannot answer now.
 */
public final class BackgroundRefresh {
    private final AtomicBoolean running = new AtomicBoolean();
    private final Runnable load;
    private final Executor executor;
    private final Runnable afterEach;

    /** {@code afterEach} runs when a load ends, whether it failed or not (to wake waiters). */
    public BackgroundRefresh(Runnable load, Executor executor, Runnable afterEach) {
        this.load = load;
        this.executor = executor;
        this.afterEach = afterEach;
    }

    public BackgroundRefresh(Runnable load, Executor executor) { this(load, executor, () -> { }); }

    /** Runs each task on a new daemon thread called {@code name}. */
    public static Executor daemonThread(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Starts a load unless one is running; returns whether it started one. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) return false;
        try {
            executor.execute(() -> {
                try {
                    load.run();
                } catch (RuntimeException e) {
                    // Completion only: a board that cannot answer now keeps the old value.
                } finally {
                    running.set(false);
                    afterEach.run();
                }
            });
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return true;
    }

    /** Whether a load is running now. */
    public boolean running() { return running.get(); }
}
