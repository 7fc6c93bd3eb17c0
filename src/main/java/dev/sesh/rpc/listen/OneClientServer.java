package dev.sesh.rpc.listen;

import dev.sesh.rpc.transport.Transport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The accept loop both listeners share (design.md 5.3: one client connection at a time). A client
 * that arrives while another is served is refused at once with a reason it can show, rather than
 * queued: a queued client would see nothing but a timeout.
 */
abstract sealed class OneClientServer implements Listener permits TcpListener, WebSocketListener {
    private static final System.Logger LOG = System.getLogger(OneClientServer.class.getName());
    private static final long BUSY_GRACE_NANOS = 500_000_000L;

    private final ServerSocket server;
    private final Consumer<Transport> handler;
    private final Thread acceptor;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Object lock = new Object();
    private Transport current;
    private boolean busy;
    private volatile boolean closed;

    OneClientServer(InetSocketAddress bind, Consumer<Transport> handler, String what) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind);
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "sesh-" + what + "-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Starts accepting; factories call it once the subclass is fully built. */
    final void start() { acceptor.start(); }

    /** Turns an accepted socket into the device-side transport, or returns null after answering it (e.g. HTTP 404). */
    abstract Transport open(Socket s) throws IOException;

    /** Tells a second client that the one connection is taken, then the caller closes the socket. */
    abstract void refuseBusy(Socket s) throws IOException;

    @Override public final InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Connections served so far (refused ones not counted). */
    public final int sessionsServed() { return sessions.get(); }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) LOG.log(Level.WARNING, "accept failed: " + e);
                return;
            }
            Thread t = new Thread(() -> serveOrRefuse(s), "sesh-conn-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serveOrRefuse(Socket s) {
        boolean take;
        synchronized (lock) {
            // A client that reconnects right after leaving may arrive before its old session has
            // seen the EOF; give that session a moment to end before calling the newcomer a second client.
            long end = System.nanoTime() + BUSY_GRACE_NANOS;
            long left;
            while (busy && !closed && (left = end - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            take = !busy && !closed;
            if (take) busy = true;
        }
        if (take) serve(s);
        else refuse(s);
    }

    /** True while a client is being served. */
    public final boolean serving() {
        synchronized (lock) {
            return busy;
        }
    }

    private void serve(Socket s) {
        Transport t = null;
        try {
            t = open(s);
            if (t == null) return;
            synchronized (lock) {
                if (closed) return;
                current = t;
            }
            sessions.incrementAndGet();
            handler.accept(t);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "session ended with " + e);
        } finally {
            synchronized (lock) {
                current = null;
                busy = false;
                lock.notifyAll();
            }
            closeQuietly(t, s);
        }
    }

    private void refuse(Socket s) {
        try {
            refuseBusy(s);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "refusing a second client: " + e);
        } finally {
            closeQuietly(null, s);
        }
    }

    @Override public final void close() throws IOException {
        Transport t;
        synchronized (lock) {
            closed = true;
            t = current;
            lock.notifyAll();
        }
        server.close();
        if (t != null) t.close();
    }

    private static void closeQuietly(Transport t, Socket s) {
        try {
            if (t != null) t.close();
            s.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "close: " + e);
        }
    }
}
