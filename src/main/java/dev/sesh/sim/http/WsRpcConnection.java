package dev.sesh.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.SeshException;
import dev.sesh.rpc.frame.FrameJson;
import dev.sesh.rpc.transport.WsCodec;
import dev.sesh.rpc.transport.WsHandshake;
import dev.sesh.sim.service.SimContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The RPC WebSocket on the board's own HTTP port (rpc-ws, mos-rpc.md 3): {@code GET /rpc} with an
 * upgrade switches to RFC 6455; each text message is one request frame, run through the board's
 * RPC core as channel {@code WS_in} with the peer's {@code ip:port} as its info (what RPC.Ping and
 * the "via" line show); each reply goes back as one text message. As on the firmware: a frame
 * larger than the receive buffer ({@link HttpExchange#RECV_LIMIT} bytes with its header) is never
 * completed, so the connection hangs silently from then on; a message that is not a JSON object
 * closes the socket; a reboot closes it (the listener drops every connection).
 */
final class WsRpcConnection {
    static final String CHANNEL = "WS_in";
    /** Frames up to this size are read (and then ignored when over the limit); larger ones are not even read. */
    private static final int READ_MAX = 1 << 16;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final SimContext ctx;
    private final String peer;

    private WsRpcConnection(Socket socket, InputStream in, OutputStream out, SimContext ctx, String peer) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.ctx = ctx;
        this.peer = peer;
    }

    /** Answers the upgrade {@code x} and serves messages until the peer or the board ends the connection. */
    static void serve(HttpExchange x, Socket socket, InputStream in, OutputStream out, SimContext ctx, String peer) throws IOException {
        String key = x.headers().getOrDefault("sec-websocket-key", "");
        if (key.isEmpty() || !x.headers().getOrDefault("sec-websocket-version", "").equals("13")) {
            HttpExchange.respond(out, 400, "text/plain", "Invalid request".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        StringBuilder h = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n").append(HttpExchange.SERVER).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ").append(WsHandshake.accept(key)).append("\r\n");
        if (x.headers().getOrDefault("sec-websocket-protocol", "").contains(WsHandshake.SUBPROTOCOL)) {
            h.append("Sec-WebSocket-Protocol: ").append(WsHandshake.SUBPROTOCOL).append("\r\n");
        }
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(0); // an open RPC WebSocket may idle as long as the client likes
        new WsRpcConnection(socket, in, out, ctx, peer).loop();
    }

    private void loop() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            WsCodec.Frame f;
            try {
                f = WsCodec.read(in, READ_MAX);
            } catch (WsCodec.ProtocolException e) {
                hang();
                return;
            }
            if (WsCodec.headerBytes(f.payload().length, f.masked()) + f.payload().length > HttpExchange.RECV_LIMIT
                    || message.size() + f.payload().length > HttpExchange.RECV_LIMIT) {
                hang();
                return;
            }
            if (f.opcode() == WsCodec.CLOSE) {
                send(WsCodec.CLOSE, WsCodec.closePayload(WsCodec.NORMAL, ""));
                return;
            }
            if (f.opcode() == WsCodec.PING) {
                send(WsCodec.PONG, f.payload());
                continue;
            }
            if (f.control()) continue;
            message.write(f.payload());
            if (!f.fin()) continue;
            String text = message.toString(StandardCharsets.UTF_8);
            message.reset();
            if (!jsonObject(text)) return;   // the firmware drops the connection: the caller closes the socket
            Optional<String> reply = ctx.rpcFrame(text, CHANNEL, peer);
            if (reply.isPresent()) send(WsCodec.TEXT, reply.get().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The receive buffer is full and stays full: read and drop everything until the peer or a reboot closes the socket. */
    private void hang() throws IOException {
        byte[] sink = new byte[4096];
        while (!socket.isClosed() && in.read(sink) >= 0) {
            // nothing is processed any more on this connection
        }
    }

    private static boolean jsonObject(String text) {
        try {
            JsonNode n = FrameJson.parse(text);
            return n.isObject();
        } catch (SeshException e) {
            return false;
        }
    }

    private void send(int opcode, byte[] payload) throws IOException {
        synchronized (out) {
            WsCodec.write(out, opcode, payload);
        }
    }
}
