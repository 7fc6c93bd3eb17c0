package dev.sesh.rpc.listen;

import dev.sesh.rpc.transport.Transport;
import dev.sesh.SeshException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.function.Consumer;

/**
 * Where {@code sim serve --listen} listens: {@code tcp://HOST:PORT} or {@code ws://HOST:PORT[/rpc]}.
 * An omitted host ({@code tcp://:7777}) means 127.0.0.1.
 */
public record ListenSpec(Scheme scheme, String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    public enum Scheme {
        TCP {
            @Override Listener open(InetSocketAddress a, Consumer<Transport> h) throws IOException { return TcpListener.bind(a, h); }
        },
        WS {
            @Override Listener open(InetSocketAddress a, Consumer<Transport> h) throws IOException { return WebSocketListener.bind(a, h); }
        };

        abstract Listener open(InetSocketAddress a, Consumer<Transport> h) throws IOException;
    }

    public ListenSpec {
        if (port < 0 || port > 65535) throw SeshException.badArg("port " + port + " is out of range", "use 1-65535, or 0 for any free port");
    }

    public static ListenSpec parse(String text) {
        String t = text.trim();
        Scheme scheme;
        if (t.startsWith("tcp://")) scheme = Scheme.TCP;
        else if (t.startsWith("ws://")) scheme = Scheme.WS;
        else throw SeshException.badArg("cannot listen on '" + text + "'", "use tcp://127.0.0.1:7777 or ws://127.0.0.1:7778/rpc");
        URI u;
        try {
            u = new URI(t.replace("://:", "://" + DEFAULT_HOST + ":"));
        } catch (URISyntaxException e) {
            throw SeshException.badArg("bad listen address " + text + ": " + e.getReason(), "write it as tcp://HOST:PORT or ws://HOST:PORT/rpc");
        }
        if (u.getHost() == null || u.getPort() < 0) {
            throw SeshException.badArg("bad listen address " + text, "write it as tcp://HOST:PORT or ws://HOST:PORT/rpc");
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (scheme == Scheme.TCP && !path.isEmpty() || scheme == Scheme.WS && !path.isEmpty() && !path.equals(WebSocketListener.PATH)) {
            throw SeshException.badArg("the simulator serves only " + WebSocketListener.PATH + ", not " + path, "drop the path, or write /rpc for ws://");
        }
        String host = u.getHost();
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return new ListenSpec(scheme, host, u.getPort());
    }

    /** Resolves the host; throws {@link SeshException#badArg} when it does not resolve. */
    public InetSocketAddress address() {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw SeshException.badArg("unknown host " + host + " to listen on", "use 127.0.0.1, or an address of this machine");
        }
    }

    /** True when binding here keeps the simulator to this machine. */
    public boolean loopback() { return Listener.isLoopback(address().getAddress()); }

    Listener open(Consumer<Transport> handler) throws IOException { return scheme.open(address(), handler); }
}
