package dev.sesh.rpc.listen;

import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.XonXoff;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves raw TCP for {@code sim serve --listen tcp://HOST:PORT}: each accepted connection becomes
 * a device-side {@link TcpTransport} handed to the handler on its own thread; the handler serves it
 * and returns, and the listener then closes it. A second client while one is connected gets one
 * text line ({@link #BUSY_LINE}, which a client shows as a device log line) and is disconnected.
 */
public final class TcpListener extends OneClientServer {
    public static final String BUSY_LINE = TcpTransport.SERVER_BUSY_LINE;

    private final Supplier<XonXoff> flow;

    private TcpListener(InetSocketAddress bind, Consumer<Transport> handler, Supplier<XonXoff> flow) throws IOException {
        super(bind, handler, "tcp");
        this.flow = flow;
    }

    /** Binds {@code bind} (port 0 picks a free port; see {@link #address()}) with the 2 s XOFF limit. */
    public static TcpListener bind(InetSocketAddress bind, Consumer<Transport> handler) throws IOException {
        return bind(bind, handler, XonXoff::standard);
    }

    /** As {@link #bind(InetSocketAddress, Consumer)}; {@code flow} gives each connection its own XON/XOFF state. */
    public static TcpListener bind(InetSocketAddress bind, Consumer<Transport> handler, Supplier<XonXoff> flow) throws IOException {
        TcpListener l = new TcpListener(bind, handler, flow);
        l.start();
        return l;
    }

    @Override Transport open(Socket s) throws IOException { return TcpTransport.accepted(s, flow.get()); }

    @Override void refuseBusy(Socket s) throws IOException {
        s.getOutputStream().write(BUSY_LINE.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    @Override public String url() { return "tcp://" + Listener.hostText(address()) + ":" + address().getPort(); }
}
