package dev.sesh.rpc.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * What serial and TCP have in common: a pump thread reads the raw stream, strips XON/XOFF into the
 * {@link XonXoff} state and queues the rest for {@link #read}; {@link #write} goes out in small
 * pieces and waits before each piece while the peer holds XOFF, so a pause takes effect within
 * {@link #WRITE_PIECE} bytes.
 */
abstract class StreamTransport implements Transport {
    /** Small enough that an XOFF sent when the device's 256-byte buffer fills is honoured in time. */
    static final int WRITE_PIECE = 64;
    private static final int QUEUE_BYTES = 1 << 20;
    private static final System.Logger LOG = System.getLogger(StreamTransport.class.getName());

    private final String name;
    private final Side side;
    private final XonXoff flow;
    private final ByteQueue in = new ByteQueue(QUEUE_BYTES);
    private final Object writeLock = new Object();
    private volatile boolean closed;
    private Thread pump;

    StreamTransport(String name, Side side, XonXoff flow) {
        this.name = name;
        this.side = side;
        this.flow = flow;
    }

    /** Starts the pump; subclasses call it once the raw stream is ready. */
    final void startPump() {
        pump = new Thread(this::pumpLoop, "sesh-read-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /** Blocks for input: count read, 0 when a poll interval passed with nothing, -1 at the end. */
    abstract int rawRead(byte[] buf) throws IOException;

    abstract void rawWrite(byte[] b, int off, int len) throws IOException;

    abstract void rawClose() throws IOException;

    private void pumpLoop() {
        byte[] buf = new byte[4096];
        try {
            while (!closed) {
                int n = rawRead(buf);
                if (n < 0) break;
                int kept = flow.filterInput(buf, 0, n);
                if (kept > 0) in.put(buf, 0, kept);
            }
        } catch (IOException e) {
            if (!closed) LOG.log(Level.DEBUG, () -> name + ": input ended: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            in.end();
        }
    }

    @Override public final String name() { return name; }

    @Override public final void write(byte[] b, int off, int len) throws IOException {
        // The host never sends XON/XOFF (mos-rpc.md 1.5); a simulated device does, as flow control.
        if (side == Side.HOST) XonXoff.checkOutgoing(b, off, len);
        synchronized (writeLock) {
            if (closed) throw new IOException(name + " is closed");
            for (int p = off; p < off + len; p += WRITE_PIECE) {
                flow.awaitWritable();
                rawWrite(b, p, Math.min(WRITE_PIECE, off + len - p));
            }
        }
    }

    @Override public final int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
        return in.take(buf, off, len, timeoutMs);
    }

    @Override public final void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            rawClose();
        } finally {
            in.end();
            if (pump != null && pump != Thread.currentThread()) {
                try {
                    pump.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
