package dev.sesh.rpc.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The server half of the RFC 6455 section 4.2 opening handshake (public for the simulated board's HTTP server). */
public final class WsHandshake {
    /** RFC 6455 section 1.3: appended to the client's key before hashing. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    public static final String SUBPROTOCOL = "clubby.cesanta.com";
    /** The path the firmware serves its RPC WebSocket (and HTTP RPC) on. */
    public static final String PATH = "/rpc";
    private static final int MAX_HEAD = 8192;

    private WsHandshake() {}

    /** The request line and headers (names lower-cased). */
    public record Request(String method, String path, Map<String, String> headers) {
        String header(String name) { return headers.getOrDefault(name, ""); }

        boolean headerHasToken(String name, String token) {
            for (String t : header(name).split(",")) if (t.strip().equalsIgnoreCase(token)) return true;
            return false;
        }
    }

    /** Reads up to the blank line, byte by byte so no frame bytes after it are consumed. */
    public static Request readRequest(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!(sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n"))) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed during the HTTP request");
            if (sb.length() >= MAX_HEAD) throw new IOException("HTTP request head over " + MAX_HEAD + " bytes");
            sb.append((char) b);
        }
        String[] lines = sb.toString().split("\r\n");
        String[] first = lines[0].split(" ");
        if (first.length != 3) throw new IOException("bad HTTP request line");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        String target = first[1];
        int q = target.indexOf('?');
        return new Request(first[0], q >= 0 ? target.substring(0, q) : target, headers);
    }

    /** Sec-WebSocket-Accept for a client's Sec-WebSocket-Key: base64(SHA-1(key + GUID)). */
    public static String accept(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest((key.strip() + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Why the upgrade cannot go ahead as an HTTP status line and body, or null when it can. */
    public static String[] refusal(Request r, String path) {
        if (!r.path().equals(path)) return new String[] {"404 Not Found", "no such path; the RPC WebSocket is at " + path};
        if (!r.method().equals("GET")) return new String[] {"405 Method Not Allowed", "use GET to upgrade"};
        if (!r.headerHasToken("upgrade", "websocket") || !r.headerHasToken("connection", "upgrade") || r.header("sec-websocket-key").isEmpty()) {
            return new String[] {"400 Bad Request", "expected a WebSocket upgrade"};
        }
        if (!r.header("sec-websocket-version").equals("13")) return new String[] {"426 Upgrade Required", "WebSocket version 13 only"};
        return null;
    }

    public static void switchProtocols(OutputStream out, Request r) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(accept(r.header("sec-websocket-key"))).append("\r\n");
        if (r.headerHasToken("sec-websocket-protocol", SUBPROTOCOL)) sb.append("Sec-WebSocket-Protocol: ").append(SUBPROTOCOL).append("\r\n");
        out.write(sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    public static void respond(OutputStream out, String status, String body) throws IOException {
        byte[] b = (body + "\n").getBytes(StandardCharsets.US_ASCII);
        String extra = status.startsWith("426") ? "Sec-WebSocket-Version: 13\r\n" : "";
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + b.length + "\r\n"
                + extra + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }
}
