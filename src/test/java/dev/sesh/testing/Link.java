package dev.sesh.testing;

import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.listen.TcpListener;
import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.XonXoff;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The links protocol tests run over (style.md rule 9): an in-process pipe, and a real TCP loopback
 * connection made by {@link TcpTransport#connect} to a {@link TcpListener} on 127.0.0.1:0.
 */
public enum Link {
    IN_PROCESS, TCP;

    /** The two ends of a fresh link. */
    public record Ends(Transport host, Transport device) {}

    public Ends open() throws IOException {
        if (this == IN_PROCESS) {
            InProcessTransport.Pair p = InProcessTransport.pair();
            return new Ends(p.host(), p.device());
        }
        SynchronousQueue<Transport> accepted = new SynchronousQueue<>();
        CountDownLatch done = new CountDownLatch(1);
        // The listener closes a session's transport when its handler returns, so the handler
        // hands the transport over and then waits until the test closes the device end.
        TcpListener listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), t -> {
            try {
                accepted.put(t);
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Transport host = TcpTransport.connect(listener.address().getHostString(), listener.address().getPort(),
                TcpTransport.DEFAULT_CONNECT_TIMEOUT, XonXoff.standard());
        Transport device;
        try {
            device = accepted.poll(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while accepting", e);
        }
        if (device == null) throw new IOException("TCP loopback: no connection accepted");
        return new Ends(host, new DeviceEnd(device, done, listener));
    }

    /** The accepted transport; closing it also ends the listener's session and the listener. */
    private record DeviceEnd(Transport inner, CountDownLatch done, TcpListener listener) implements Transport {
        @Override public String name() { return inner.name(); }

        @Override public Kind kind() { return inner.kind(); }

        @Override public void write(byte[] b, int off, int len) throws IOException { inner.write(b, off, len); }

        @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException { return inner.read(buf, off, len, timeoutMs); }

        @Override public void close() throws IOException {
            inner.close();
            done.countDown();
            listener.close();
        }
    }
}
