package dev.sesh.rpc.transport;

import dev.sesh.SeshException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A raw TCP byte stream, {@code tcp://host:port} (mos-rpc.md 1.10): serial-to-TCP bridges and
 * {@code sesh sim serve}. TCP_NODELAY is on because RPC frames are small and latency-bound.
 * XON/XOFF is handled as on serial since a bridge passes it in-band (design.md 5.8). The peer's
 * half-close is the end of the stream: {@link #read} returns -1.
 */
public final class TcpTransport extends StreamTransport {
    /** The one line {@code sim serve} sends a second client before it hangs up (it serves one at a time). */
    public static final String SERVER_BUSY_LINE = "sesh sim: busy, another client is connected\n";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpTransport(String name, Side side, Socket socket, XonXoff flow) throws IOException {
        super(name, side, flow);
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        startPump();
    }

    /**
     * Connects as a host. Throws {@link SeshException#unreachable} (exit 4) with a hint when
     * nothing listens, the host is unknown or the connect does not finish within {@code timeout}.
     */
    public static TcpTransport connect(String host, int port, Duration timeout, XonXoff flow) {
        String url = "tcp://" + host + ":" + port;
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return new TcpTransport("tcp " + host + ":" + port, Side.HOST, s, flow);
        } catch (IOException e) {
            closeQuietly(s);
            throw unreachable(url, host, timeout, e);
        }
    }

    /** Wraps a socket a listener accepted; the simulator is the device on it. */
    public static TcpTransport accepted(Socket s, XonXoff flow) throws IOException {
        var peer = (InetSocketAddress) s.getRemoteSocketAddress();
        return new TcpTransport("tcp " + peer.getAddress().getHostAddress() + ":" + peer.getPort(), Side.DEVICE, s, flow);
    }

    private static SeshException unreachable(String url, String host, Duration timeout, IOException e) {
        if (e instanceof UnknownHostException) {
            return SeshException.unreachable("unknown host " + host + " in " + url, "check the host name, or use an IP address");
        }
        if (e instanceof ConnectException) {
            return SeshException.unreachable("nothing accepts connections at " + url,
                    "start the bridge or `sesh sim serve --listen " + url + "`, and check the port");
        }
        if (e instanceof SocketTimeoutException) {
            return SeshException.unreachable("no answer from " + url + " within " + timeout.toMillis() / 1000.0 + " s",
                    "check the host, the port and any firewall between");
        }
        if (e instanceof NoRouteToHostException) {
            return SeshException.unreachable("no route to " + url, "check the network and the address");
        }
        return SeshException.unreachable("cannot connect to " + url + ": " + e.getMessage(), "check the host and port");
    }

    @Override public Kind kind() { return Kind.TCP; }

    @Override int rawRead(byte[] buf) throws IOException { return in.read(buf); }

    @Override void rawWrite(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        out.flush();
    }

    @Override void rawClose() throws IOException { socket.close(); }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing was connected; the original failure is what the user needs.
        }
    }
}
