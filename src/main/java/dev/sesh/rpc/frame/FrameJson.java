package dev.sesh.rpc.frame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sesh.SeshException;

/**
 * The one Jackson mapper for frame JSON. Writing is compact and escapes every non-ASCII character
 * as {@code \}{@code u00XX}; reading is lenient the way device output needs (raw control bytes,
 * the device's {@code \v} escape). The device decodes {@code \}{@code u00XX} into the single byte
 * 0xXX and rejects any other {@code \}{@code u} escape (mos-rpc.md 1.7), so nothing above U+00FF can
 * be sent: {@link #checkSendable} refuses it before any byte goes out.
 */
public final class FrameJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private FrameJson() {}

    public static ObjectMapper mapper() { return MAPPER; }

    /** Parses JSON text; a {@link SeshException#badArg} with the parser's reason if it is not JSON. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw SeshException.badArg("not valid JSON: " + e.getOriginalMessage(), "check quotes, commas and braces");
        } catch (NumberFormatException e) {
            // Jackson reads floats as BigDecimal and lets its exponent-range error through unwrapped.
            throw SeshException.badArg("not valid JSON: a number out of range", "check the numbers' exponents");
        }
    }

    /** Compact ASCII text of a value (non-ASCII escaped). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Refuses text the board cannot receive: any character above U+00FF.
     * @throws SeshException (bad argument) naming the first such character and where it is
     */
    public static void checkSendable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xff) {
                int cp = text.codePointAt(i);
                throw SeshException.badArg(
                        String.format("character U+%04X '%s' at position %d cannot be sent to the board", cp, new String(Character.toChars(cp)), i),
                        "the board understands only characters up to U+00FF; use plain ASCII");
            }
        }
    }
}
