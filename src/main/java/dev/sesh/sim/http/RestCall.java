package dev.sesh.sim.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.rpc.frame.FrameJson;
import dev.sesh.sim.service.DeviceJsonOut;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * RPC over HTTP, REST style (mos-rpc.md 3): {@code POST /rpc/METHOD} with the params as the body,
 * or {@code GET /rpc/METHOD?k=v&...} (values inserted raw, so strings need quotes). The answer is
 * the result JSON + CRLF with 200; on an error, the error object + CRLF with 403 or 404 when that
 * is the code, else 500.
 */
final class RestCall {
    private RestCall() {}

    /** The request frame for {@code method} with {@code params} (JSON text, may be empty). */
    static String frame(String method, String params) {
        String p = params.isBlank() ? "" : ",\"params\":" + params.strip();
        return "{\"id\":1,\"method\":" + DeviceJsonOut.quoted(method) + p + "}";
    }

    /** {@code k=v&k2=v2} as a JSON object with the values inserted raw; empty for no query. */
    static String queryParams(String query) {
        if (query.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("{");
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) continue;
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "true" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            if (sb.length() > 1) sb.append(',');
            sb.append(DeviceJsonOut.quoted(k)).append(':').append(v);
        }
        return sb.append('}').toString();
    }

    /** The HTTP status and body for a reply frame (empty: the handler sent no reply). */
    record Answer(int status, String body) {}

    static Answer answer(Optional<String> replyFrame) {
        if (replyFrame.isEmpty()) return new Answer(200, "");
        String frame = replyFrame.get();
        JsonNode reply = FrameJson.parse(frame);
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            int code = error.path("code").asInt(500);
            return new Answer(code == 403 || code == 404 ? code : 500, raw(frame, "error").orElse(error.toString()) + "\r\n");
        }
        return new Answer(200, raw(frame, "result").orElse("null") + "\r\n");
    }

    /**
     * The text of top-level field {@code name}'s value exactly as the handler printed it (the
     * firmware copies it out of the reply frame, spacing and all), or empty when there is none.
     */
    static Optional<String> raw(String frame, String name) {
        try (JsonParser p = FrameJson.mapper().getFactory().createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                int from = (int) p.getTokenLocation().getCharOffset();
                p.skipChildren();
                p.finishToken();   // a string's text is read lazily: finish it so the end offset is past its quote
                int to = (int) p.getCurrentLocation().getCharOffset();
                if (field.equals(name)) return Optional.of(frame.substring(from, to));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
