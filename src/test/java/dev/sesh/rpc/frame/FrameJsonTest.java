package dev.sesh.rpc.frame;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameJsonTest {

    @Test
    void refusesCharacterAboveU00ffNamingIt() {
        SeshException e = assertThrows(SeshException.class, () -> FrameJson.checkSendable("price: 5\u20ac"));
        assertEquals("character U+20AC '\u20ac' at position 8 cannot be sent to the board", e.getMessage());
        assertEquals(SeshException.USAGE, e.exitCode());
        assertTrue(e.hint().contains("U+00FF"));
    }

    @Test
    void acceptsLatin1Text() {
        assertDoesNotThrow(() -> FrameJson.checkSendable("caf\u00e9 \u00ff"));
    }

    @Test
    void writesCompactJsonWithNonAsciiEscaped() {
        assertEquals("{\"tag\":\"caf\\u00E9\"}", FrameJson.write(Map.of("tag", "caf\u00e9")));
    }

    @Test
    void readsDeviceOutputWithVerticalTabEscape() {
        assertEquals("av", FrameJson.parse("{\"s\":\"a\\v\"}").get("s").asText());
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertEquals(SeshException.USAGE, assertThrows(SeshException.class, () -> FrameJson.parse("{\"a\":")).exitCode());
    }
}
