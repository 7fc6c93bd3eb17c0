package dev.sesh.rpc;

import dev.sesh.rpc.transport.HttpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.listen.WebSocketListener;
import dev.sesh.rpc.transport.WebSocketTransport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 25 over real loopback sockets: a request in flight when a WebSocket dropped, and one whose
 * HTTP connection was reset after it was sent, are lost replies (the call times out; the client
 * stays usable for the read-back), never a dead link; the HTTP head sesh counts is the head sent.
 */
class NetworkLostReplyTest {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final CallOptions SHORT = CallOptions.DEFAULT.withTimeout(Duration.ofMillis(800));

    private static String reply(String request) {
        Matcher m = ID.matcher(request);
        return m.find() ? "{\"id\":" + m.group(1) + ",\"src\":\"dev\",\"result\":{\"ok\": true}}" : null;
    }

    @Test void aRequestInFlightWhenTheWebSocketDroppedIsALostReplyAndTheLinkReopens() throws Exception {
        AtomicInteger sessions = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> notices = new CopyOnWriteArrayList<>();
        try (WebSocketListener l = WebSocketListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dev -> {
            int session = sessions.incrementAndGet();
            byte[] buf = new byte[8192];
            StringBuilder in = new StringBuilder();
            try {
                while (true) {
                    int n = dev.read(buf, 0, buf.length, 100);
                    if (n < 0) return;
                    in.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    int nl;
                    while ((nl = in.indexOf("}\n")) >= 0) {
                        String frame = in.substring(0, nl + 1).strip();
                        in.delete(0, nl + 2);
                        seen.add(frame);
                        if (session == 1) return;            // the board went away with the request unanswered
                        dev.write(("\n" + reply(frame) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the client left
            }
        });
             RpcClient rpc = new RpcClient(WebSocketTransport.connect(URI.create(l.url()), Duration.ofSeconds(2), notices::add), RpcOptions.defaults())) {
            assertThrows(RpcTimeoutException.class, () -> rpc.call("FS.Remove", "{\"filename\":\"a.txt\"}", SHORT));
            RpcResponse r = rpc.call("FS.List", null, SHORT);
            assertEquals("{\"ok\":true}", r.resultJson().replace(" ", ""));
            assertEquals(2, sessions.get());
            assertEquals(1, seen.stream().filter(f -> f.contains("FS.Remove")).count(), "the change was not sent again: " + seen);
            assertEquals(1, notices.size(), notices.toString());
        }
    }

    /** A board stand-in speaking raw HTTP: resets the first POST that names {@code resetMethod}, answers the rest. */
    private static final class ResettingBoard implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<byte[]> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger resets = new AtomicInteger();
        final String resetMethod;
        final Thread t = new Thread(this::loop);

        ResettingBoard(String resetMethod) throws IOException {
            this.resetMethod = resetMethod;
            t.setDaemon(true);
            t.start();
        }

        URI uri() { return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/rpc"); }

        private void loop() {
            while (true) {
                try (Socket s = server.accept()) {
                    byte[] req = readRequest(s.getInputStream());
                    requests.add(req);
                    String text = new String(req, StandardCharsets.ISO_8859_1);
                    OutputStream out = s.getOutputStream();
                    if (text.contains(resetMethod) && resets.getAndIncrement() == 0) {
                        s.setSoLinger(true, 0);
                        continue;
                    }
                    String body = text.startsWith("POST") ? reply(text.substring(text.indexOf("\r\n\r\n") + 4)) + "\r\n" : "Invalid request";
                    int status = text.startsWith("POST") ? 200 : 400;
                    out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    if (server.isClosed()) return;
                }
            }
        }

        private static byte[] readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) return b.toByteArray();
                b.write(c);
            }
            Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(b.toString(StandardCharsets.ISO_8859_1));
            if (m.find()) b.write(in.readNBytes(Integer.parseInt(m.group(1))));
            return b.toByteArray();
        }

        @Override public void close() throws IOException { server.close(); }
    }

    @Test void aResetAfterSendingAChangeIsALostReplyAndTheLinkStaysUsable() throws Exception {
        try (ResettingBoard b = new ResettingBoard("FS.Remove");
             RpcClient rpc = new RpcClient(HttpTransport.connect(b.uri(), Duration.ofSeconds(2), Optional.empty()), RpcOptions.defaults())) {
            assertThrows(RpcTimeoutException.class, () -> rpc.call("FS.Remove", "{\"filename\":\"a.txt\"}", SHORT));
            assertEquals("{\"ok\":true}", rpc.call("FS.List", null, SHORT).resultJson().replace(" ", ""), "the read-back goes through");
            assertEquals(1, b.requests.stream().filter(r -> new String(r, StandardCharsets.ISO_8859_1).contains("FS.Remove")).count(),
                    "the change was sent once");
        }
    }

    @Test void theHeadCountedIsTheHeadTheClientSends() throws Exception {
        try (ResettingBoard b = new ResettingBoard("nothing is reset");
             HttpTransport t = HttpTransport.connect(b.uri(), Duration.ofSeconds(2), Optional.empty());
             RpcClient rpc = new RpcClient(t, RpcOptions.defaults())) {
            String params = "{\"pad\":\"" + "x".repeat(2000) + "\"}";
            rpc.call("FS.List", params, SHORT);
            byte[] sent = b.requests.stream().filter(r -> new String(r, StandardCharsets.ISO_8859_1).startsWith("POST")).findFirst().orElseThrow();
            String text = new String(sent, StandardCharsets.ISO_8859_1);
            int body = sent.length - (text.indexOf("\r\n\r\n") + 4);
            assertEquals(sent.length, t.headBytes(body) + body, text.substring(0, text.indexOf("\r\n\r\n")));
            assertTrue(t.maxFrameBytes() + t.headBytes(t.maxFrameBytes()) <= HttpTransport.BOARD_RECEIVE_LIMIT);
            assertTrue(t.maxFrameBytes() + 1 + t.headBytes(t.maxFrameBytes() + 1) > HttpTransport.BOARD_RECEIVE_LIMIT);
        }
    }

    @Test void aLongHostNameLeavesLessRoomForTheFrame() {
        String host = "board-" + "x".repeat(194) + ".example.com";
        int near = HttpTransport.maxFrameBytes(URI.create("http://127.0.0.1:8080/rpc"));
        int far = HttpTransport.maxFrameBytes(URI.create("http://" + host + ":8080/rpc"));
        assertEquals(near - (host.length() - "127.0.0.1".length()), far);
        assertEquals(HttpTransport.BOARD_RECEIVE_LIMIT, far + HttpTransport.headBytes(URI.create("http://" + host + ":8080/rpc"), far));
    }
}
