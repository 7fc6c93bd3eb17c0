package dev.sesh.sim.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceArgsTest {
    @Test
    void stringDecodesU00EscapeToOneByte() {
        DeviceArgs a = DeviceArgs.parse("{\"sn\":\"caf\\u00e9!\"}");
        assertEquals("caf\u00e9!", a.string("sn").orElseThrow());
        assertEquals(5, a.string("sn").orElseThrow().length());
    }

    @Test
    void stringWithOtherUnicodeEscapeIsMissing() {
        DeviceArgs a = DeviceArgs.parse("{\"filename\":\"\\u20ac.txt\",\"n\":null}");
        assertTrue(a.has("filename"));
        assertTrue(a.string("filename").isEmpty());
        assertTrue(a.string("n").isEmpty());
    }

    @Test
    void stringOfNumberIsItsText() {
        assertEquals("80", DeviceArgs.parse("{\"x\":80}").string("x").orElseThrow());
    }

    @Test
    void integerAcceptsStringsOfDigitsLikeSscanf() {
        DeviceArgs a = DeviceArgs.parse("{\"addr\":\"80\",\"hex\":\"0x61\",\"neg\":-1,\"frac\":1.5,\"word\":\"big\",\"t\":true}");
        assertEquals(80, a.integer("addr").orElseThrow());
        assertEquals(0, a.integer("hex").orElseThrow());
        assertEquals(-1, a.integer("neg").orElseThrow());
        assertEquals(1, a.integer("frac").orElseThrow());
        assertTrue(a.integer("word").isEmpty());
        assertTrue(a.integer("t").isEmpty());
        assertTrue(a.integer("absent").isEmpty());
    }

    @Test
    void boolIsTrueOnlyForJsonTrue() {
        DeviceArgs a = DeviceArgs.parse("{\"a\":true,\"b\":\"true\",\"c\":1,\"d\":false}");
        assertTrue(a.bool("a").orElseThrow());
        assertFalse(a.bool("b").orElseThrow());
        assertFalse(a.bool("c").orElseThrow());
        assertFalse(a.bool("d").orElseThrow());
        assertTrue(a.bool("e").isEmpty());
    }

    @Test
    void base64DecodesLenientlyAsTheFirmware() {
        // fs_put_bad_base64: "@@@!" wrote 04 10 40.
        assertArrayEquals(new byte[] {0x04, 0x10, 0x40}, DeviceArgs.parse("{\"data\":\"@@@!\"}").base64("data").orElseThrow());
        assertArrayEquals("hello".getBytes(), DeviceArgs.parse("{\"data\":\"aGVsbG8=\"}").base64("data").orElseThrow());
        assertArrayEquals(new byte[] {'h', 'e'}, DeviceArgs.parse("{\"data\":\"aGU=aG\"}").base64("data").orElseThrow());
    }

    @Test
    void hexTakesPairsInEitherCaseAndIgnoresAnOddLastDigit() {
        assertArrayEquals(new byte[] {0x01, (byte) 0xab, (byte) 0xcd}, DeviceArgs.parse("{\"h\":\"01aBCd7\"}").hex("h").orElseThrow());
        assertArrayEquals(new byte[0], DeviceArgs.parse("{\"h\":\"\"}").hex("h").orElseThrow());
    }

    @Test
    void tokenKeepsTheRawText() {
        DeviceArgs a = DeviceArgs.parse("{\"name\":\"RPC.P\\u0069ng\",\"config\":{\"a\": [1, 2]}}");
        assertEquals("RPC.P\\u0069ng", a.token("name").orElseThrow().text());
        assertEquals("{\"a\": [1, 2]}", a.token("config").orElseThrow().text());
        assertEquals(JsonToken.Type.OBJECT, a.token("config").orElseThrow().type());
    }

    @Test
    void paramsThatAreNotAnObjectHaveNoMembers() {
        DeviceArgs a = DeviceArgs.of(new JsonToken(JsonToken.Type.STRING, "RPC.Ping"));
        assertFalse(a.has("name"));
        assertFalse(DeviceArgs.of(null).has("name"));
    }

    @Test
    void nestedMembersUseDottedKeys() {
        assertEquals(1, DeviceArgs.parse("{\"a\":{\"b\":1}}").integer("a.b").orElseThrow());
    }

    @Test
    void laterDuplicateKeyWins() {
        assertEquals(2, DeviceArgs.parse("{\"x\":1,\"x\":2}").integer("x").orElseThrow());
    }

    @Test
    void walkerAcceptsMissingAndTrailingCommasAndBareKeys() {
        assertEquals(19, DeviceArgs.parse("{\"id\":19 \"m\":\"x\",}").integer("id").orElseThrow());
        assertEquals("x", DeviceArgs.parse("{id: 1, m: \"x\"}").string("m").orElseThrow());
    }

    @Test
    void walkerKeepsWhatItScannedBeforeASyntaxError() {
        StringBuilder seen = new StringBuilder();
        boolean ok = DeviceJson.walk("{\"method\":\"RPC.Ping\",\"id\":}", (p, t) -> seen.append(p).append(' '));
        assertFalse(ok);
        assertEquals(".method ", seen.toString());
    }
}
