package dev.sesh.rpc.listen;

import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.WsHandshake;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Serves the RPC WebSocket for {@code sim serve --listen ws://HOST:PORT/rpc}: a small RFC 6455
 * server (opening handshake on {@link #PATH} with subprotocol {@code clubby.cesanta.com}, masked
 * client frames, fragmentation, ping/pong, close). Other paths get HTTP 404; a second client while
 * one is connected gets HTTP 503. Each client message reaches the simulator as {@code \n{json}\n};
 * each frame line the simulator writes goes out as one text message (see {@link FrameLines}).
 */
public final class WebSocketListener extends OneClientServer {
    public static final String PATH = WsHandshake.PATH;
    /** How long a refused client may take to send its request head. */
    private static final int REFUSE_READ_MS = 2000;

    private WebSocketListener(InetSocketAddress bind, Consumer<Transport> handler) throws IOException {
        super(bind, handler, "ws");
    }

    /** Binds {@code bind} (port 0 picks a free port; see {@link #address()}). */
    public static WebSocketListener bind(InetSocketAddress bind, Consumer<Transport> handler) throws IOException {
        WebSocketListener l = new WebSocketListener(bind, handler);
        l.start();
        return l;
    }

    @Override Transport open(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(s.getInputStream());
        WsHandshake.Request r = WsHandshake.readRequest(in);
        String[] no = WsHandshake.refusal(r, PATH);
        if (no != null) {
            WsHandshake.respond(s.getOutputStream(), no[0], no[1]);
            return null;
        }
        WsHandshake.switchProtocols(s.getOutputStream(), r);
        return new WsServerTransport(s, in);
    }

    @Override void refuseBusy(Socket s) throws IOException {
        s.setSoTimeout(REFUSE_READ_MS);
        WsHandshake.Request r = WsHandshake.readRequest(new BufferedInputStream(s.getInputStream()));
        String[] no = WsHandshake.refusal(r, PATH);
        if (no != null) WsHandshake.respond(s.getOutputStream(), no[0], no[1]);
        else WsHandshake.respond(s.getOutputStream(), "503 Service Unavailable", "busy: another client is connected");
    }

    @Override public String url() { return "ws://" + Listener.hostText(address()) + ":" + address().getPort() + PATH; }
}
