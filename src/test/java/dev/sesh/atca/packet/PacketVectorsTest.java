package dev.sesh.atca.packet;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketVectorsTest {
    static Stream<Arguments> crcVectors() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : Vectors.at("crc16")) out.add(Arguments.of(v.get("name").asText(), v.get("input").asText(), v.get("crc").asText()));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crcVectors")
    void crc16MatchesEveryVector(String name, String input, String crc) {
        assertEquals(Bytes.ofHex(crc), Crc16.wire(Crc16.of(Bytes.ofHex(input))), name);
    }

    /** Every full command group in the vectors file round-trips through decode/encode. */
    static Stream<Arguments> commandGroups() {
        List<Arguments> out = new ArrayList<>();
        collect(Vectors.root(), "", out);
        return out.stream();
    }

    private static void collect(JsonNode n, String path, List<Arguments> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                String k = e.getKey();
                boolean cmd = (k.startsWith("command") || k.endsWith("_command") || k.startsWith("sign_command")) && e.getValue().isTextual();
                if (cmd && !k.contains("note")) out.add(Arguments.of(path + "." + k, e.getValue().asText()));
                else collect(e.getValue(), path + "." + k, out);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) collect(n.get(i), path + "[" + i + "]", out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandGroups")
    void everyCommandGroupInVectorsDecodesAndEncodesBack(String where, String hex) {
        Bytes g = Bytes.ofHex(hex);
        CommandPacket p = CommandPacket.decode(g);
        assertEquals(g, p.encode(), where);
        assertEquals(g.length(), p.count());
    }

    @Test
    void commandGroupsFoundInVectors() {
        assertTrue(commandGroups().count() >= 30, "the vectors file holds dozens of command groups");
    }

    @Test
    void lockConfigWithSummaryEncodesParam2LowByteFirst() {
        CommandPacket p = new CommandPacket(Opcode.LOCK, 0x00, 0x80F1);
        assertEquals(Vectors.hex("config_zone", "chip_image_lock_config_packet"), p.encode());
    }

    @Test
    void badCrcIsReportedAsCrcError() {
        byte[] g = Bytes.ofHex("07300000000300").toArray();
        PacketFormatException e = assertThrows(PacketFormatException.class, () -> CommandPacket.decode(g, g.length));
        assertTrue(e.crcError());
    }

    @Test
    void countDisagreeingWithLengthIsNotACrcError() {
        byte[] g = new CommandPacket(Opcode.INFO, 0, 0).encode().toArray();
        g[0] = 8;
        int crc = Crc16.of(g, 0, 5);
        g[5] = (byte) crc;
        g[6] = (byte) (crc >> 8);
        PacketFormatException e = assertThrows(PacketFormatException.class, () -> CommandPacket.decode(g, g.length));
        assertFalse(e.crcError());
    }

    @Test
    void responseVectorsDecodeWithStatusOrData() {
        assertEquals(StatusCode.AFTER_WAKE, ResponsePacket.decode(Bytes.ofHex("04113343")).status().orElseThrow());
        assertEquals(Bytes.ofHex("040f2342"), ResponsePacket.status(StatusCode.EXECUTION_ERROR).encode());
        ResponsePacket sign = ResponsePacket.decode(Vectors.hex("ecc", "sign", "sign_response"));
        assertEquals(Vectors.hex("ecc", "sign", "signature_rs"), sign.payload());
        assertEquals(Vectors.hex("ecc", "sign", "sign_response"), sign.encode());
        assertEquals(Vectors.hex("ecc", "genkey_response_for_this_key"), ResponsePacket.data(Vectors.hex("ecc", "public_key_xy")).encode());
    }

    @Test
    void responseWithBadCrcIsRejected() {
        assertTrue(assertThrows(PacketFormatException.class, () -> ResponsePacket.decode(Bytes.ofHex("04113344"))).crcError());
    }

    @Test
    void everyStatusAnswerInTheReferenceTableEncodes() {
        assertEquals(Bytes.ofHex("040100c3"), ResponsePacket.status(StatusCode.MISCOMPARE).encode());
        assertEquals(Bytes.ofHex("04038342"), ResponsePacket.status(StatusCode.PARSE_ERROR).encode());
        assertEquals(Bytes.ofHex("0405c343"), ResponsePacket.status(StatusCode.ECC_FAULT).encode());
        assertEquals(Bytes.ofHex("04ee3141"), ResponsePacket.status(StatusCode.WATCHDOG_ABOUT_TO_EXPIRE).encode());
        assertEquals(Bytes.ofHex("04ff0142"), ResponsePacket.status(StatusCode.COMM_ERROR).encode());
        assertEquals(Bytes.ofHex("04000340"), ResponsePacket.status(StatusCode.SUCCESS).encode());
    }

    @Test
    void toStringNeverShowsData() {
        CommandPacket p = new CommandPacket(Opcode.WRITE, 0x82, 0x20, Vectors.hex("plain_write", 0, "data"));
        assertFalse(p.toString().contains("8962"));
        assertFalse(ResponsePacket.data(Bytes.ofHex("89623974")).toString().contains("8962"));
    }

    @Test
    void timingUsesMaxColumnPerVariantAndDivider() {
        assertEquals(115_000, Timing.maxExecutionUs(Opcode.GENKEY, Variant.ATECC508A, 0));
        assertEquals(29_000, Timing.maxExecutionUs(Opcode.NONCE, Variant.ATECC508A, 0));
        assertEquals(20_000, Timing.maxExecutionUs(Opcode.NONCE, Variant.ATECC608A, 0));
        assertEquals(220_000, Timing.maxExecutionUs(Opcode.SIGN, Variant.ATECC608A, 0x28));
        assertEquals(1_085_000, Timing.maxExecutionUs(Opcode.VERIFY, Variant.ATECC608A, 0x68));
        assertEquals(5_000, Timing.maxExecutionUs(Opcode.READ, Variant.ATECC608A, 0x68));
        assertEquals(0, Timing.maxExecutionUs(Opcode.AES, Variant.ATECC508A, 0));
        assertEquals(0, Timing.maxExecutionUs(Opcode.PAUSE, Variant.ATECC608A, 0));
        for (Opcode op : Opcode.values()) for (Variant v : Variant.values())
            assertEquals(op.existsOn(v), Timing.maxExecutionUs(op, v, 0) > 0, op + " on " + v);
        assertEquals(13_000_000, Timing.watchdogUs(0x04));
        assertEquals(1_300_000, Timing.watchdogUs(0x00));
    }

    @Test
    void statusCodesMapToCryptoauthlibCodes() {
        assertEquals(0xF4, StatusCode.EXECUTION_ERROR.hostCode());
        assertEquals(0xD2, StatusCode.PARSE_ERROR.hostCode());
        assertEquals(StatusCode.WATCHDOG_ABOUT_TO_EXPIRE, StatusCode.of(0xEE).orElseThrow());
        assertTrue(StatusCode.of(0x42).isEmpty());
    }
}
