package dev.sesh.testing;

import dev.sesh.rpc.transport.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Two Transports joined by a real TCP connection on 127.0.0.1, for protocol tests over a socket. */
public final class TcpLoopback {
    private TcpLoopback() {}

    /** {@code host} connects, {@code device} is the accepted side. */
    public record Pair(Transport host, Transport device) {}

    public static Pair open() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket();
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
            Socket accepted = server.accept();
            return new Pair(new SocketTransport(client), new SocketTransport(accepted));
        }
    }

    private static final class SocketTransport implements Transport {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        SocketTransport(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override public String name() { return "tcp " + socket.getRemoteSocketAddress(); }

        @Override public Kind kind() { return Kind.TCP; }

        @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            out.flush();
        }

        @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
            if (socket.isClosed()) return -1;
            socket.setSoTimeout(Math.max(1, timeoutMs));
            try {
                return in.read(buf, off, len);
            } catch (SocketTimeoutException e) {
                return 0;
            } catch (IOException e) {
                if (socket.isClosed()) return -1;
                throw e;
            }
        }

        @Override public void close() throws IOException { socket.close(); }
    }
}
