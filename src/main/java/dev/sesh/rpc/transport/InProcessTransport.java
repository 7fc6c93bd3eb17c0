package dev.sesh.rpc.transport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end of an in-memory byte pipe pair: what one end writes, the other reads, in order, with no
 * size limit and no line model. Thread-safe. Closing an end makes the peer read the bytes already
 * written and then -1, and makes the peer's writes fail.
 */
public final class InProcessTransport implements Transport {
    private final String name;
    private final Pipe in;
    private final Pipe out;

    private InProcessTransport(String name, Pipe in, Pipe out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** Two connected ends: {@code host} (named "sim") and {@code device} (named "host"). */
    public static Pair pair() {
        Pipe toDevice = new Pipe(), toHost = new Pipe();
        return new Pair(new InProcessTransport("sim", toHost, toDevice), new InProcessTransport("host", toDevice, toHost));
    }

    /** The two ends of {@link #pair()}. */
    public record Pair(InProcessTransport host, InProcessTransport device) {}

    @Override public String name() { return name; }

    @Override public Kind kind() { return Kind.IN_PROCESS; }

    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

    @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
        return in.read(buf, off, len, timeoutMs);
    }

    @Override public void close() {
        in.close();
        out.close();
    }

    /** A one-way byte queue; closed by either end. */
    private static final class Pipe {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition readable = lock.newCondition();
        private byte[] data = new byte[1024];
        private int head, tail;
        private boolean closed;

        void write(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                if (closed) throw new IOException("in-process link closed");
                if (tail + len > data.length) {
                    int used = tail - head;
                    byte[] next = used + len > data.length ? new byte[Math.max(data.length * 2, used + len)] : data;
                    System.arraycopy(data, head, next, 0, used);
                    data = next;
                    head = 0;
                    tail = used;
                }
                System.arraycopy(b, off, data, tail, len);
                tail += len;
                readable.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
            if (len == 0) return 0;
            lock.lock();
            try {
                long left = TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMs));
                while (head == tail && !closed) {
                    if (left <= 0) return 0;
                    try {
                        left = readable.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while reading", e);
                    }
                }
                if (head == tail) return -1;
                int n = Math.min(len, tail - head);
                System.arraycopy(data, head, buf, off, n);
                head += n;
                if (head == tail) head = tail = 0;
                return n;
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                closed = true;
                readable.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
