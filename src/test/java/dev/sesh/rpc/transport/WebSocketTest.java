package dev.sesh.rpc.transport;

import dev.sesh.rpc.listen.WebSocketListener;
import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.sesh.rpc.transport.SerialTransportTest.readExactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebSocketTransport (JDK client) against WebSocketListener, and the listener against raw RFC 6455 frames. */
class WebSocketTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final Duration T = Duration.ofSeconds(5);

    private final LinkedBlockingQueue<Transport> served = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> release = new CompletableFuture<>();

    private WebSocketListener listen() throws IOException {
        return WebSocketListener.bind(ANY_LOOPBACK, dev -> {
            served.add(dev);
            release.join();
        });
    }

    private Transport device() throws InterruptedException {
        Transport t = served.poll(10, TimeUnit.SECONDS);
        if (t == null) throw new AssertionError("no connection reached the device");
        return t;
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    @Test void framesBecomeMessagesAndMessagesBecomeLines() throws Exception {
        try (WebSocketListener l = listen();
             WebSocketTransport host = WebSocketTransport.connect(URI.create(l.url()), T)) {
            assertEquals(Transport.Kind.WEBSOCKET, host.kind());
            Transport dev = device();
            host.write(ascii("\n\"\"\"{\"id\":1,\"method\":\"Sys.GetInfo\"}010a4ff9\"\"\"\n"));
            byte[] want = ascii("\n{\"id\":1,\"method\":\"Sys.GetInfo\"}\n");
            assertArrayEquals(want, readExactly(dev, want.length));
            dev.write(ascii("mg_rpc.c:313            Sys.GetInfo via UART UART0\n\n{\"id\":1,\"result\":{}}\n"));
            byte[] reply = ascii("\n{\"id\":1,\"result\":{}}\n");
            assertArrayEquals(reply, readExactly(host, reply.length));
            assertEquals(0, host.read(new byte[8], 0, 8, 1), "the log line is not a message");
            release.complete(null);
        }
    }

    @Test void urlWithoutPathMeansRpc() throws Exception {
        try (WebSocketListener l = listen();
             WebSocketTransport host = WebSocketTransport.connect(URI.create("ws://127.0.0.1:" + l.address().getPort()), T)) {
            Transport dev = device();
            host.write(ascii("\n{\"id\":3}\n"));
            assertArrayEquals(ascii("\n{\"id\":3}\n"), readExactly(dev, 10));
            release.complete(null);
        }
    }

    @Test void hostCloseEndsTheDeviceStream() throws Exception {
        try (WebSocketListener l = listen()) {
            WebSocketTransport host = WebSocketTransport.connect(URI.create(l.url()), T);
            Transport dev = device();
            host.close();
            int r = 0;
            for (int i = 0; i < 200 && r == 0; i++) r = dev.read(new byte[8], 0, 8, 50);
            assertEquals(-1, r);
            release.complete(null);
        }
    }

    /** Issue 25: the link is reopened first; only when no try succeeds does the stream end, saying so. */
    @Test void listenerClosingEndsTheHostStreamOnceReopeningGaveUp() throws Exception {
        WebSocketListener l = listen();
        java.util.List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebSocketTransport.Reopen quick = new WebSocketTransport.Reopen(3, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5));
        try (WebSocketTransport host = WebSocketTransport.connect(URI.create(l.url()), T, notices::add, quick)) {
            device();
            l.close();
            IOException e = assertThrows(IOException.class, () -> {
                for (int i = 0; i < 200; i++) if (host.read(new byte[8], 0, 8, 50) < 0) return;
            });
            assertTrue(e.getMessage().contains("did not reopen in 3 tries"), e.getMessage());
            assertEquals(java.util.List.of(e.getMessage()), notices);
            assertThrows(IOException.class, () -> host.read(new byte[8], 0, 8, 50), "the stream stays ended");
        } finally {
            release.complete(null);
        }
    }

    @Test void otherPathIsHttp404() throws Exception {
        try (WebSocketListener l = listen()) {
            String base = "ws://127.0.0.1:" + l.address().getPort();
            SeshException e = assertThrows(SeshException.class, () -> WebSocketTransport.connect(URI.create(base + "/other"), T));
            assertEquals(SeshException.UNREACHABLE, e.exitCode());
            assertEquals(base + "/other refused the WebSocket upgrade (HTTP 404)", e.getMessage());
            assertTrue(e.hint().contains("/rpc"), e.hint());
        }
    }

    @Test void secondClientGetsHttp503() throws Exception {
        try (WebSocketListener l = listen();
             WebSocketTransport first = WebSocketTransport.connect(URI.create(l.url()), T)) {
            device();
            SeshException e = assertThrows(SeshException.class, () -> WebSocketTransport.connect(URI.create(l.url()), T));
            assertTrue(e.getMessage().endsWith("(HTTP 503)"), e.getMessage());
            assertTrue(e.hint().contains("another client"), e.hint());
            release.complete(null);
        }
    }

    @Test void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("ws://127.0.0.1:" + port + "/rpc");
        SeshException e = assertThrows(SeshException.class, () -> WebSocketTransport.connect(uri, T));
        assertEquals("nothing accepts connections at " + uri, e.getMessage());
    }

    // Raw RFC 6455 client below: what other clients (mos, browsers) may send.

    /** Opens a raw connection and upgrades it; returns the response head. */
    private static String upgrade(Socket s, String path, String key) throws IOException {
        s.getOutputStream().write(ascii("GET " + path + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: clubby.cesanta.com\r\n\r\n"));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.append((char) b);
        }
        return head.toString();
    }

    private static void sendFrame(OutputStream out, boolean fin, int opcode, byte[] payload, boolean mask) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | opcode);
        byte[] key = {0x37, (byte) 0xfa, 0x21, 0x3d};
        int len = payload.length;
        if (len < 126) {
            f.write((mask ? 0x80 : 0) | len);
        } else {
            f.write((mask ? 0x80 : 0) | 126);
            f.write(len >> 8);
            f.write(len);
        }
        if (mask) f.write(key);
        for (int i = 0; i < len; i++) f.write(mask ? payload[i] ^ key[i & 3] : payload[i]);
        out.write(f.toByteArray());
        out.flush();
    }

    /** Reads one server frame: {opcode, payload...}. */
    private static byte[][] readFrame(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        assertEquals(0, b1 & 0x80, "servers never mask");
        int len = b1 & 0x7F;
        if (len == 126) len = in.readUnsignedShort();
        byte[] p = new byte[len];
        in.readFully(p);
        return new byte[][] {{(byte) (b0 & 0x0F)}, p};
    }

    @Test void handshakeAnswersTheRfcSampleKeyAndSubprotocol() throws Exception {
        try (WebSocketListener l = listen(); Socket s = new Socket("127.0.0.1", l.address().getPort())) {
            String head = upgrade(s, "/rpc", "dGhlIHNhbXBsZSBub25jZQ==");
            assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Protocol: clubby.cesanta.com\r\n"), head);
            release.complete(null);
        }
    }

    @Test void fragmentedMaskedMessageWithPingInBetween() throws Exception {
        try (WebSocketListener l = listen(); Socket s = new Socket("127.0.0.1", l.address().getPort())) {
            upgrade(s, "/rpc", "dGhlIHNhbXBsZSBub25jZQ==");
            OutputStream out = s.getOutputStream();
            sendFrame(out, false, WsCodec.TEXT, ascii("{\"id\":2,"), true);
            sendFrame(out, true, WsCodec.PING, ascii("hi"), true);
            sendFrame(out, false, WsCodec.CONTINUATION, ascii("\"method\":"), true);
            sendFrame(out, true, WsCodec.CONTINUATION, ascii("\"RPC.List\"}\n"), true);
            byte[][] pong = readFrame(s.getInputStream());
            assertEquals(WsCodec.PONG, pong[0][0]);
            assertArrayEquals(ascii("hi"), pong[1]);
            Transport dev = device();
            byte[] want = ascii("\n{\"id\":2,\"method\":\"RPC.List\"}\n");
            assertArrayEquals(want, readExactly(dev, want.length));
            String big = "{\"id\":2,\"result\":[\"" + "x".repeat(300) + "\"]}";
            dev.write(ascii("\n" + big + "\n"));
            byte[][] msg = readFrame(s.getInputStream());
            assertEquals(WsCodec.TEXT, msg[0][0]);
            assertEquals(big, new String(msg[1], StandardCharsets.US_ASCII));
            release.complete(null);
        }
    }

    @Test void closeFrameIsEchoedAndEndsTheDeviceStream() throws Exception {
        try (WebSocketListener l = listen(); Socket s = new Socket("127.0.0.1", l.address().getPort())) {
            upgrade(s, "/rpc", "dGhlIHNhbXBsZSBub25jZQ==");
            Transport dev = device();
            sendFrame(s.getOutputStream(), true, WsCodec.CLOSE, new byte[] {0x03, (byte) 0xE8}, true);
            byte[][] close = readFrame(s.getInputStream());
            assertEquals(WsCodec.CLOSE, close[0][0]);
            assertArrayEquals(new byte[] {0x03, (byte) 0xE8}, close[1]);
            assertEquals(-1, dev.read(new byte[8], 0, 8, 10_000));
            release.complete(null);
        }
    }

    @Test void unmaskedClientFrameClosesWithProtocolError() throws Exception {
        try (WebSocketListener l = listen(); Socket s = new Socket("127.0.0.1", l.address().getPort())) {
            upgrade(s, "/rpc", "dGhlIHNhbXBsZSBub25jZQ==");
            Transport dev = device();
            sendFrame(s.getOutputStream(), true, WsCodec.TEXT, ascii("{}"), false);
            byte[][] close = readFrame(s.getInputStream());
            assertEquals(WsCodec.CLOSE, close[0][0]);
            assertEquals(WsCodec.PROTOCOL_ERROR, ((close[1][0] & 0xFF) << 8) | (close[1][1] & 0xFF));
            assertEquals(-1, dev.read(new byte[8], 0, 8, 10_000));
            release.complete(null);
        }
    }

    @Test void plainHttpToOtherPathGets404() throws Exception {
        try (WebSocketListener l = listen(); Socket s = new Socket("127.0.0.1", l.address().getPort())) {
            s.getOutputStream().write(ascii("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
            String resp = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(resp.startsWith("HTTP/1.1 404 Not Found\r\n"), resp);
            assertEquals(0, l.sessionsServed());
        }
    }
}
