package dev.sesh.rpc.listen;

import dev.sesh.rpc.transport.Transport;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A server socket that makes the simulator reachable ({@code sesh sim serve}). It serves one
 * client at a time: each connection becomes a device-side {@link Transport} handed to the handler
 * on its own thread; when the handler returns, the listener closes that transport.
 * The simulator has no authentication, so callers bind loopback unless the user passed an explicit
 * flag: see {@link #isLoopback}.
 */
public sealed interface Listener extends Closeable permits OneClientServer {
    /** The bound address (the real port when 0 was asked for). */
    InetSocketAddress address();

    /** What a client passes to {@code --port}: {@code tcp://127.0.0.1:7777} or {@code ws://127.0.0.1:7777/rpc}. */
    String url();

    /** Stops accepting and closes the connection being served. */
    @Override void close() throws IOException;

    /** Opens the listener {@code spec} describes. */
    static Listener open(ListenSpec spec, Consumer<Transport> handler) throws IOException {
        return spec.open(handler);
    }

    /** True for 127.0.0.0/8 and ::1; anything else exposes the unauthenticated simulator to the network. */
    static boolean isLoopback(InetAddress a) { return a.isLoopbackAddress(); }

    /** The address as a URL host: IPv6 in brackets. */
    static String hostText(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        return ip instanceof Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress();
    }
}
