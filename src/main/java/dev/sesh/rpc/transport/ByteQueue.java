package dev.sesh.rpc.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes a transport has received and its reader has not taken yet: one producer (a pump
 * thread or a WebSocket listener) appends, the reader takes with {@link Transport#read} semantics.
 * Appending blocks while {@code capacity} bytes are waiting, so a reader that stops reading slows
 * the peer down instead of growing the heap.
 */
public final class ByteQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final byte[] ring;
    private int head;
    private int count;
    private boolean ended;

    public ByteQueue(int capacity) { this.ring = new byte[capacity]; }

    /** Appends all bytes, waiting for room; bytes put after {@link #end} are dropped. */
    public void put(byte[] b, int off, int len) throws InterruptedException {
        lock.lock();
        try {
            while (len > 0) {
                while (count == ring.length && !ended) writable.await();
                if (ended) return;
                int n = Math.min(len, ring.length - count);
                for (int i = 0; i < n; i++) ring[(head + count + i) % ring.length] = b[off + i];
                count += n;
                off += n;
                len -= n;
                readable.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end of the stream: the reader gets what is left, then -1. */
    public void end() {
        lock.lock();
        try {
            ended = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes up to {@code len} bytes, waiting at most {@code timeoutMs}: count, 0 on timeout, -1 at the end. */
    public int take(byte[] buf, int off, int len, int timeoutMs) throws java.io.InterruptedIOException {
        if (len == 0) return 0;
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMs));
            while (count == 0) {
                if (ended) return -1;
                if (left <= 0) return 0;
                left = readable.awaitNanos(left);
            }
            int n = Math.min(len, count);
            for (int i = 0; i < n; i++) buf[off + i] = ring[(head + i) % ring.length];
            head = (head + n) % ring.length;
            count -= n;
            writable.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        } finally {
            lock.unlock();
        }
    }
}
