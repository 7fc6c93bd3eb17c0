package dev.sesh.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.rpc.frame.FrameJson;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The top-level fields of one received frame (mos-rpc.md 2.1-2.3). {@code result} keeps the
 * board's own text; {@code errorCode} is empty when there is no {@code error} object.
 */
record ReplyFrame(OptionalLong id, boolean isRequest, Optional<String> result, Optional<Integer> errorCode, String errorMessage) {

    /** Parses leniently; empty if the text is not a JSON object. */
    static Optional<ReplyFrame> parse(String json) {
        try (JsonParser p = FrameJson.mapper().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            OptionalLong id = OptionalLong.empty();
            boolean request = false;
            Optional<String> result = Optional.empty();
            Optional<Integer> code = Optional.empty();
            String message = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "id" -> id = idOf(p, t);
                    case "method" -> {
                        request = true;
                        p.skipChildren();
                    }
                    case "result" -> result = Optional.of(rawValue(json, p, t));
                    case "error" -> {
                        JsonNode e = p.readValueAsTree();
                        if (e != null && e.isObject()) {
                            code = Optional.of(e.path("code").asInt(-1));
                            message = e.path("message").asText("");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return Optional.of(new ReplyFrame(id, request, result, code, message));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The device echoes an all-digit id as a number and any other id as a string (mos-rpc.md 2.2). */
    private static OptionalLong idOf(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) return OptionalLong.of(p.getLongValue());
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(Character::isDigit)) return OptionalLong.of(Long.parseLong(s));
            return OptionalLong.empty();
        }
        p.skipChildren();
        return OptionalLong.empty();
    }

    private static String rawValue(String json, JsonParser p, JsonToken t) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (t.isStructStart()) p.skipChildren();
        else p.getText(); // completes a lazily read string so the location below is its end
        int end = (int) p.currentLocation().getCharOffset();
        return json.substring(start, end);
    }
}
