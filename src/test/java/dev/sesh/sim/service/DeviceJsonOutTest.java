package dev.sesh.sim.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceJsonOutTest {
    @Test
    void controlBytesPrintWithBothHexDigitsModulo15() {
        // config_get_control_char: a 0x1F b 0x07 c -> "a\u0011b\u0007c"
        assertEquals("\"a\\u0011b\\u0007c\"", DeviceJsonOut.quoted("a\u001fb\u0007c"));
        assertEquals("\"\\u0000\\u0077\"", DeviceJsonOut.quoted("\u0000\u007f"));
    }

    @Test
    void bytes08To0DUseLetterEscapesIncludingV() {
        assertEquals("\"\\b\\t\\n\\v\\f\\r\"", DeviceJsonOut.quoted("\b\t\n\u000b\f\r"));
    }

    @Test
    void quoteAndBackslashAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\"", DeviceJsonOut.quoted("a\"b\\c"));
    }

    @Test
    void highByteIsCopiedRawWithTheBytesItsLeadBitsClaim() {
        // fs_list_with_u00_name: 0xE9 takes ".t" with it, the rest prints normally.
        assertEquals("\"caf\u00e9.txt\"", DeviceJsonOut.quoted("caf\u00e9.txt"));
        // 0xC3 claims one more byte: the quote after it is copied raw, unescaped.
        assertEquals("\"\u00c3\"x\"", DeviceJsonOut.quoted("\u00c3\"x"));
    }

    @Test
    void highByteNearTheEndDragsInTheTerminatingNul() {
        // config_get_u00e9: "caf" E9 "!" -> E9 takes "!" and the NUL.
        assertEquals("\"caf\u00e9!\u0000\"", DeviceJsonOut.quoted("caf\u00e9!"));
    }

    @Test
    void nullPrintsNull() {
        assertEquals("null", DeviceJsonOut.quoted(null));
    }

    @Test
    void base64AndHexAreQuoted() {
        assertEquals("\"aGVsbG8sIHdvcmxkCg==\"", DeviceJsonOut.base64("hello, world\n".getBytes()));
        assertEquals("\"00ff10\"", DeviceJsonOut.hex(new byte[] {0, (byte) 0xff, 0x10}));
    }
}
