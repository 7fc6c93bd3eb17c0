package dev.sesh.rpc.listen;

import dev.sesh.rpc.transport.ByteQueue;
import dev.sesh.rpc.transport.FrameLines;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.WsCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The device side of one upgraded WebSocket connection (see {@link WebSocketListener}). */
final class WsServerTransport implements Transport {
    /** Largest message accepted; the device's own limit is 4 KiB (mos-rpc.md 1.7). */
    static final int MAX_MESSAGE = 1 << 20;
    private static final System.Logger LOG = System.getLogger(WsServerTransport.class.getName());

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String name;
    private final ByteQueue received = new ByteQueue(MAX_MESSAGE + 16);
    private final FrameLines lines = new FrameLines();
    private final Thread reader;
    private boolean closeSent;

    WsServerTransport(Socket socket, InputStream in) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        var peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.name = "ws " + peer.getAddress().getHostAddress() + ":" + peer.getPort();
        this.reader = new Thread(this::readLoop, "sesh-read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    @Override public String name() { return name; }

    @Override public Kind kind() { return Kind.WEBSOCKET; }

    private void readLoop() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean inMessage = false;
        try {
            while (true) {
                WsCodec.Frame f = WsCodec.read(in, MAX_MESSAGE);
                if (f.rsv() != 0) throw new WsCodec.ProtocolException(WsCodec.PROTOCOL_ERROR, "reserved bits set");
                if (!f.masked()) throw new WsCodec.ProtocolException(WsCodec.PROTOCOL_ERROR, "client frames must be masked");
                if (f.control()) {
                    if (!f.fin() || f.payload().length > 125) throw new WsCodec.ProtocolException(WsCodec.PROTOCOL_ERROR, "bad control frame");
                    if (f.opcode() == WsCodec.CLOSE) {
                        sendClose(f.payload().length >= 2 ? ((f.payload()[0] & 0xFF) << 8) | (f.payload()[1] & 0xFF) : WsCodec.NORMAL);
                        return;
                    }
                    if (f.opcode() == WsCodec.PING) send(WsCodec.PONG, f.payload());
                    else if (f.opcode() != WsCodec.PONG) throw new WsCodec.ProtocolException(WsCodec.PROTOCOL_ERROR, "unknown control opcode");
                    continue;
                }
                boolean starts = f.opcode() == WsCodec.TEXT || f.opcode() == WsCodec.BINARY;
                if (starts == inMessage || !starts && f.opcode() != WsCodec.CONTINUATION) {
                    throw new WsCodec.ProtocolException(WsCodec.PROTOCOL_ERROR, "unexpected opcode " + f.opcode());
                }
                if (message.size() + f.payload().length > MAX_MESSAGE) throw new WsCodec.ProtocolException(WsCodec.TOO_BIG, "message too big");
                message.write(f.payload());
                inMessage = !f.fin();
                if (f.fin()) {
                    deliver(message.toByteArray());
                    message.reset();
                }
            }
        } catch (WsCodec.ProtocolException e) {
            LOG.log(Level.DEBUG, () -> name + ": " + e.getMessage());
            trySendClose(e.status);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> name + ": input ended: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            received.end();
        }
    }

    private void deliver(byte[] payload) throws IOException, InterruptedException {
        byte[] line = FrameLines.asStreamLine(utf8(payload));
        received.put(line, 0, line.length);
    }

    private static String utf8(byte[] payload) throws WsCodec.ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new WsCodec.ProtocolException(WsCodec.INVALID_DATA, "message is not UTF-8");
        }
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        for (String json : lines.feed(b, off, len)) send(WsCodec.TEXT, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
        return received.take(buf, off, len, timeoutMs);
    }

    private void send(int opcode, byte[] payload) throws IOException {
        synchronized (out) {
            if (closeSent) throw new IOException(name + " is closed");
            WsCodec.write(out, opcode, payload);
        }
    }

    private void sendClose(int status) throws IOException {
        synchronized (out) {
            if (closeSent) return;
            closeSent = true;
            WsCodec.write(out, WsCodec.CLOSE, WsCodec.closePayload(status, ""));
        }
    }

    private void trySendClose(int status) {
        try {
            sendClose(status);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> name + ": close frame not sent: " + e);
        }
    }

    @Override public void close() throws IOException {
        trySendClose(WsCodec.NORMAL);
        socket.close();
        received.end();
        if (reader != Thread.currentThread()) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
