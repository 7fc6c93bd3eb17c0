package dev.sesh.sim.http;

import dev.sesh.bytes.Clock;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated board's HTTP port over real loopback sockets, as the firmware serves it (issue 25):
 * HTTP and the RPC WebSocket on the same port at /rpc, Mongoose 6.18's headers and answers to odd
 * input, the 3072-byte receive limit, one request per connection, sockets closed by a reboot.
 */
class NetworkFidelityTest {
    private SimBoard board;
    private final StringBuilder log = new StringBuilder();

    @BeforeEach void boot() {
        board = SimFirmware.open(SimOptions.defaults(), Clock.system());
        board.powerOn();
    }

    @AfterEach void off() { board.powerOff(); }

    private synchronized String log() {
        log.append(new String(board.takeOutput(), StandardCharsets.ISO_8859_1));
        return log.toString();
    }

    private int port() {
        Matcher m = HttpService.MAPPING.matcher(log());
        String url = null;
        while (m.find()) if (m.group(1).equals("80")) url = m.group(2);
        assertTrue(url != null, log());
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private Socket open() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port());
        s.setSoTimeout(3000);
        return s;
    }

    /** Sends {@code request} as is and reads the answer until the board closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket s = open()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test void everyReplyClosesTheConnectionAndCarriesMongooseHeaders() throws IOException {
        String r = exchange(post("/rpc", "{\"id\":7,\"method\":\"RPC.Ping\"}"));
        assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), r);
        assertTrue(r.contains("\r\nServer: Mongoose/6.18\r\n"), r);
        assertTrue(r.contains("\r\nConnection: close\r\n"), r);
        assertTrue(r.contains("\r\nAccess-Control-Allow-Origin: *\r\n"), r);
        assertTrue(r.contains("\r\nAccess-Control-Allow-Headers: *\r\n"), r);
        assertTrue(r.endsWith("}\r\n"), r);
    }

    @Test void httpPingAnswersWithThePeerAddress() throws IOException {
        try (Socket s = open()) {
            s.getOutputStream().write(post("/rpc", "{\"id\":1,\"method\":\"RPC.Ping\"}").getBytes(StandardCharsets.ISO_8859_1));
            String r = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(r.contains("\"channel_info\": \"127.0.0.1:" + s.getLocalPort() + "\""), r);
        }
    }

    @Test void oddInputOnRpcGets400InvalidRequest() throws IOException {
        for (String req : new String[] {
                "OPTIONS /rpc HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /rpc HTTP/1.1\r\nHost: x\r\n\r\n",
                post("/rpc", ""),
                post("/rpc", "garbage{")}) {
            String r = exchange(req);
            assertTrue(r.startsWith("HTTP/1.1 400 "), req + " -> " + r);
            assertTrue(r.endsWith("\r\n\r\nInvalid request"), req + " -> " + r);
            assertTrue(r.contains("\r\nConnection: close\r\n"), r);
        }
    }

    @Test void aFrameWithoutIdRunsAndGetsNoReplyAtAll() throws IOException {
        try (Socket s = open()) {
            s.setSoTimeout(700);
            s.getOutputStream().write(post("/rpc", "{\"method\":\"Sys.SetDebug\",\"params\":{\"level\":2}}").getBytes(StandardCharsets.ISO_8859_1));
            assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
        }
        assertTrue(log().contains("Sys.SetDebug via HTTP 127.0.0.1:"), log());
    }

    @Test void restGetKeepsTheHandlersSpacing() throws IOException {
        String r = exchange("GET /rpc/RPC.Describe?name=%22FS.Get%22 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(r.endsWith("\r\n\r\n{\"name\": \"FS.Get\", \"args_fmt\": \"{filename: %Q, offset: %ld, len: %ld}\"}\r\n"), r);
    }

    /** A request of exactly {@code total} bytes (head and body) putting a file named {@code name}. */
    private static String putOf(int total, String name) {
        String head = "POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Length: 0000\r\n\r\n";
        String pre = "{\"id\":3,\"method\":\"FS.Put\",\"params\":{\"filename\":\"" + name + "\",\"data\":\"";
        String post = "\"}}";
        int data = total - head.length() - pre.length() - post.length();
        String body = " ".repeat(data % 4) + pre + "A".repeat(data - data % 4) + post;   // JSON allows the leading spaces
        String req = "POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Length: " + String.format("%04d", body.length()) + "\r\n\r\n" + body;
        assertEquals(total, req.length());
        return req;
    }

    @Test void aRequestUpToTheLimitIsAnswered() throws IOException {
        String r = exchange(putOf(HttpExchange.RECV_LIMIT, "fits.bin"));
        assertTrue(r.startsWith("HTTP/1.1 200 OK"), r);
    }

    @Test void aRequestOverTheLimitRunsButIsAnsweredWithAReset() throws IOException {
        try (Socket s = open()) {
            s.getOutputStream().write(putOf(HttpExchange.RECV_LIMIT + 1, "over.bin").getBytes(StandardCharsets.ISO_8859_1));
            SocketException e = assertThrows(SocketException.class, () -> s.getInputStream().readAllBytes());
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
        }
        String list = exchange(post("/rpc", "{\"id\":4,\"method\":\"FS.List\"}"));
        assertTrue(list.contains("\"over.bin\""), "the firmware ran it anyway: " + list);
    }

    // ---- the RPC WebSocket on the same port --------------------------------------------------

    private Socket upgrade() throws IOException {
        Socket s = open();
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(("GET /rpc HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: clubby.cesanta.com\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = readHead(s.getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 101 "), head);
        assertTrue(head.contains("Sec-WebSocket-Protocol: clubby.cesanta.com"), head);
        return s;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** One masked text frame. */
    static void sendText(OutputStream out, String text) throws IOException {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (p.length < 126) {
            f.write(0x80 | p.length);
        } else {
            f.write(0x80 | 126);
            f.write(p.length >> 8);
            f.write(p.length);
        }
        byte[] mask = {1, 2, 3, 4};
        f.write(mask);
        for (int i = 0; i < p.length; i++) f.write(p[i] ^ mask[i & 3]);
        out.write(f.toByteArray());
        out.flush();
    }

    /** One unmasked text frame from the board. */
    static String readText(InputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        int len = in.read() & 0x7F;
        if (len == 126) len = (in.read() << 8) | in.read();
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

    @Test void theWebSocketOnTheHttpPortAnswersPingWithThePeerAddress() throws IOException {
        try (Socket s = upgrade()) {
            sendText(s.getOutputStream(), "{\"id\":1,\"method\":\"RPC.Ping\"}");
            String reply = readText(s.getInputStream());
            assertTrue(reply.contains("\"channel_info\": \"127.0.0.1:" + s.getLocalPort() + "\""), reply);
        }
        assertTrue(log().contains("RPC.Ping via WS_in 127.0.0.1:"), log());
    }

    @Test void aGarbageMessageClosesTheSocket() throws IOException {
        try (Socket s = upgrade()) {
            sendText(s.getOutputStream(), "garbage");
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test void aMessageOverTheLimitHangsSilently() throws IOException {
        try (Socket s = upgrade()) {
            s.setSoTimeout(700);
            String big = "{\"id\":2,\"method\":\"RPC.Ping\",\"pad\":\"" + "x".repeat(HttpExchange.RECV_LIMIT - 8 - 37 + 1) + "\"}";
            assertEquals(HttpExchange.RECV_LIMIT - 8 + 1, big.length());
            sendText(s.getOutputStream(), big);
            assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
            sendText(s.getOutputStream(), "{\"id\":3,\"method\":\"RPC.Ping\"}");
            assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read(), "nothing more is read on that connection");
        }
    }

    @Test void aMessageAtTheLimitIsAnswered() throws IOException {
        try (Socket s = upgrade()) {
            String big = "{\"id\":2,\"method\":\"RPC.Ping\",\"pad\":\"" + "x".repeat(HttpExchange.RECV_LIMIT - 8 - 37) + "\"}";
            assertEquals(HttpExchange.RECV_LIMIT - 8, big.length());
            sendText(s.getOutputStream(), big);
            assertTrue(readText(s.getInputStream()).contains("channel_info"));
        }
    }

    @Test void aRebootClosesTheSocketAndKeepsThePort() throws Exception {
        int before = port();
        int boots = board.boots();
        try (Socket s = upgrade()) {
            sendText(s.getOutputStream(), "{\"id\":1,\"method\":\"Sys.Reboot\",\"params\":{\"delay_ms\":50}}");
            assertTrue(readText(s.getInputStream()).contains("\"result\""));
            long end = System.nanoTime() + 5_000_000_000L;
            while (board.boots() == boots && System.nanoTime() < end) {
                Thread.sleep(10);
                board.poll();
            }
            assertEquals(boots + 1, board.boots());
            assertEquals(-1, s.getInputStream().read(), "the reboot closed the WebSocket");
        }
        assertEquals(before, port());
        String r = exchange(post("/rpc", "{\"id\":9,\"method\":\"RPC.Ping\"}"));
        assertTrue(r.startsWith("HTTP/1.1 200"), r);
    }
}
