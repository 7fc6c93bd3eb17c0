package dev.sesh.sim.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The little HTTP/1.1 the board's server speaks (Mongoose 6.18): one request read from a stream
 * (request line, headers, a {@code Content-Length} body), one response written with a length,
 * {@code Server: Mongoose/6.18} and {@code Connection: close}: the board closes every connection
 * after its reply. {@code size} is the request's bytes on the wire, head and body, which the
 * listener holds against the firmware's receive limit ({@link #RECV_LIMIT}).
 */
record HttpExchange(String method, String path, Map<String, String> headers, byte[] body, int size) {
    /** The firmware's receive buffer for one HTTP request or one WebSocket frame: headers plus body. */
    static final int RECV_LIMIT = 3072;
    static final int MAX_HEAD = 8192;
    /** Larger bodies are not read at all: the board resets such a request long before (see {@link #RECV_LIMIT}). */
    static final int MAX_BODY = 16384;
    static final String SERVER = "Server: Mongoose/6.18";

    /** Thrown for a request the server answers with an error status and then closes. */
    static final class BadRequest extends IOException {
        final int status;

        BadRequest(int status, String why) {
            super(why);
            this.status = status;
        }
    }

    /** True for a WebSocket upgrade request. */
    boolean upgrade() {
        return headers.getOrDefault("upgrade", "").toLowerCase(Locale.ROOT).contains("websocket")
                && headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT).contains("upgrade");
    }

    /** The next request, or empty when the client closed the connection before sending one. */
    static Optional<HttpExchange> read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) return Optional.empty();
                throw new BadRequest(400, "request ends inside its head");
            }
            head.write(b);
            if (head.size() > MAX_HEAD) throw new BadRequest(431, "request head longer than " + MAX_HEAD + " bytes");
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        if (start.length != 3 || !start[2].startsWith("HTTP/1.")) throw new BadRequest(400, "bad request line");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = 0;
        if (headers.containsKey("content-length")) {
            try {
                length = Integer.parseInt(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "bad Content-Length");
            }
        }
        if (length < 0) throw new BadRequest(400, "bad Content-Length");
        if (length > MAX_BODY) throw new BadRequest(413, "body of " + length + " bytes");
        byte[] body = in.readNBytes(length);
        if (body.length < length) throw new BadRequest(400, "body shorter than its Content-Length");
        return Optional.of(new HttpExchange(start[0], start[1], headers, body, head.size() + length));
    }

    /** Writes one response and says the connection closes; {@code extraHeaders} are whole lines without CRLF. */
    static void respond(OutputStream out, int status, String contentType, byte[] body, String... extraHeaders) throws IOException {
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        h.append(SERVER).append("\r\n");
        if (!contentType.isEmpty()) h.append("Content-Type: ").append(contentType).append("\r\n");
        for (String x : extraHeaders) h.append(x).append("\r\n");
        h.append("Content-Length: ").append(body.length).append("\r\n");
        h.append("Connection: close\r\n\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
