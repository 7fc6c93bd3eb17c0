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
 * The little HTTP/1.1 the board's server speaks: one request read from a stream (request line,
 * headers, a {@code Content-Length} body), one response written with a length. Keep-alive unless
 * the client says {@code Connection: close} or speaks HTTP/1.0.
 */
record HttpExchange(String method, String path, Map<String, String> headers, byte[] body, boolean keepAlive) {
    static final int MAX_HEAD = 8192;
    /** Larger bodies are refused with 413: the device's RPC frames are at most rpc.max_frame_size. */
    static final int MAX_BODY = 16384;

    /** Thrown for a request the server answers with an error status and then closes. */
    static final class BadRequest extends IOException {
        final int status;

        BadRequest(int status, String why) {
            super(why);
            this.status = status;
        }
    }

    /** The next request, or empty when the client closed the connection between requests. */
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
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keep = start[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
        return Optional.of(new HttpExchange(start[0], start[1], headers, body, keep));
    }

    /** Writes one response; {@code extraHeaders} are whole lines without CRLF. */
    static void respond(OutputStream out, int status, String contentType, byte[] body, boolean keepAlive, String... extraHeaders) throws IOException {
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        if (!contentType.isEmpty()) h.append("Content-Type: ").append(contentType).append("\r\n");
        for (String x : extraHeaders) h.append(x).append("\r\n");
        h.append("Content-Length: ").append(body.length).append("\r\n");
        h.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
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
            default -> "Internal Server Error";
        };
    }
}
