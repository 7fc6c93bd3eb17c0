package dev.sesh.atca.packet;

import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Hex;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoded trace of chip packets, one test per opcode family, over the reference's packet vectors. */
class ChipTraceTest {
    private static byte[] cmd(String groupHex) { return Bytes.ofHex("03" + groupHex).toArray(); }

    private static byte[] cmd(Bytes group) { return cmd(group.hex()); }

    @Test void wakeAnswerIsNamed() {
        assertEquals("wake: status 0x11 (woken, no command yet), crc ok", new ChipTrace().read(Hex.parse("04113343")));
    }

    @Test void wordAddressesResetSleepIdleAreNamed() {
        ChipTrace t = new ChipTrace();
        assertTrue(t.write(new byte[] {0x02}).startsWith("word 0x02 idle"));
        assertTrue(t.write(new byte[] {0x01}).startsWith("word 0x01 sleep"));
        assertTrue(t.write(new byte[] {0x00}).startsWith("word 0x00 reset"));
        assertTrue(t.write(new byte[] {0x07}).contains("no ATECC word address"));
    }

    @Test void configReadShowsItsBytes() {
        // firmware_i2c_trace: the boot-time read of config block 0, as the firmware sends it and the chip answers.
        ChipTrace t = new ChipTrace();
        assertEquals("cmd Read config block 0 word 0 (byte 0) 32 bytes, crc ok", t.write(Hex.parse("0307028000000" + "9ad")));
        String answer = "2301235" + "2aa00005000d1bbf378eec00100c00055008764876487648764" + "8f0f8f8fea61";
        assertEquals("data 01235" + "2aa00005000d1bbf378eec00100c00055008764876487648764" + "8f0f8f8f, crc ok", t.read(Hex.parse(answer)));
    }

    @Test void dataZoneReadIsALength() {
        ChipTrace t = new ChipTrace();
        CommandPacket read = new CommandPacket(Opcode.READ, 0x82, 0x0020);
        assertEquals("cmd Read data slot 4 block 0 word 0 32 bytes, crc ok", t.write(cmd(read.encode())));
        Bytes secret = Vectors.hex("plain_write", 0, "data");
        String line = t.read(ResponsePacket.data(secret).encode().toArray());
        assertEquals("data <32 bytes> (data zone), crc ok", line);
    }

    @Test void clearDataWriteHidesTheKey() {
        String line = new ChipTrace().write(cmd(Vectors.hex("plain_write", 0, "command_packet")));
        assertEquals("cmd Write data slot 4 block 0 word 0 32 bytes: <32 bytes>, crc ok", line);
        assertFalse(line.contains(Vectors.at("plain_write", 0, "data").asText().substring(0, 8)));
    }

    @Test void configWriteShowsItsBytes() {
        String line = new ChipTrace().write(cmd(Vectors.hex("setconfig_sequence_aws_test", "commands", 0, "command_packet")));
        assertEquals("cmd Write config block 0 word 4 (byte 16) 4 bytes: c0005500, crc ok", line);
    }

    @Test void encryptedWriteIsLengthsOnly() {
        String line = new ChipTrace().write(cmd(Vectors.hex("encrypted_write", 0, "command_packet")));
        assertEquals("cmd Write data slot 4 block 0 word 0 32 bytes encrypted: 32 bytes ciphertext, 32 bytes MAC, crc ok", line);
    }

    @Test void privWriteIsALength() {
        String line = new ChipTrace().write(cmd(Vectors.hex("privwrite", 0, "command_packet")));
        assertEquals("cmd PrivWrite slot 0 encrypted, <68 bytes>, crc ok", line);
    }

    @Test void nonceShowsItsInputAndStatusIsNamed() {
        ChipTrace t = new ChipTrace();
        String digest = Vectors.at("nonce_passthrough", "num_in").asText();
        assertEquals("cmd Nonce mode pass-through, input " + digest + ", crc ok", t.write(cmd(Vectors.hex("nonce_passthrough", "command_packet_508a"))));
        assertEquals("status 0x00 success, crc ok", t.read(Vectors.hex("nonce_passthrough", "response_packet").toArray()));
    }

    @Test void lockNamesZoneAndCrc() {
        assertEquals("cmd Lock config zone, summary CRC 0x1234, crc ok", new ChipTrace().write(cmd(new CommandPacket(Opcode.LOCK, 0x00, 0x1234).encode())));
        assertEquals("cmd Lock data zone, no summary CRC, crc ok", new ChipTrace().write(cmd(new CommandPacket(Opcode.LOCK, 0x81, 0).encode())));
        assertEquals("cmd Lock slot 3, no summary CRC, crc ok", new ChipTrace().write(cmd(new CommandPacket(Opcode.LOCK, 0x82 | 3 << 2, 0).encode())));
    }

    @Test void genKeyAndSignAnswersArePublic() {
        ChipTrace t = new ChipTrace();
        assertEquals("cmd GenKey create private key slot 0, crc ok", t.write(cmd(new CommandPacket(Opcode.GENKEY, 0x04, 0).encode())));
        Bytes pub = Vectors.hex("ecc", "public_key_xy");
        assertEquals("data public key " + pub.hex() + ", crc ok", t.read(ResponsePacket.data(pub).encode().toArray()));
        assertEquals("cmd Sign external message (TempKey) key slot 0, crc ok", t.write(cmd(new CommandPacket(Opcode.SIGN, 0x80, 0).encode())));
        assertTrue(t.read(ResponsePacket.data(pub).encode().toArray()).startsWith("data signature " + pub.hex()));
    }

    @Test void randomAndInfoShowTheirAnswers() {
        ChipTrace t = new ChipTrace();
        assertEquals("cmd Info revision, crc ok", t.write(Hex.parse("030730000000035d")));
        assertEquals("data info 00005000, crc ok", t.read(Hex.parse("07000050000391")));
        assertEquals("cmd Random (seed updated), crc ok", t.write(cmd(new CommandPacket(Opcode.RANDOM, 0, 0).encode())));
        Bytes r = Bytes.ofHex("a5".repeat(32));
        assertEquals("data random " + r.hex() + ", crc ok", t.read(ResponsePacket.data(r).encode().toArray()));
    }

    @Test void macAndDigestOutputsAreLengths() {
        ChipTrace t = new ChipTrace();
        assertEquals("cmd MAC mode 0x01 key slot 4, crc ok", t.write(cmd(new CommandPacket(Opcode.MAC, 0x01, 4).encode())));
        assertEquals("data MAC output <32 bytes>, crc ok", t.read(ResponsePacket.data(Bytes.ofHex("11".repeat(32))).encode().toArray()));
        assertTrue(t.write(cmd(new CommandPacket(Opcode.GENDIG, 0x02, 4).encode())).startsWith("cmd GenDig zone data key 4"));
        assertTrue(t.write(cmd(new CommandPacket(Opcode.ECDH, 0x0c, 2, Bytes.ofHex("22".repeat(64))).encode())).contains("peer public key 64 bytes"));
    }

    @Test void badCrcAndErrorsAreReported() {
        byte[] bad = Hex.parse("0307028000000000");
        assertTrue(new ChipTrace().write(bad).endsWith("CRC BAD (chip answers 0xFF)"));
        assertEquals("status 0x0f execution error: not allowed in the current state or by slot policy, crc ok",
                new ChipTrace().read(ResponsePacket.status(StatusCode.EXECUTION_ERROR).encode().toArray()));
        assertTrue(new ChipTrace().read(Hex.parse("04000341")).endsWith("CRC BAD"));
        assertEquals("all 0xFF (4 bytes): the chip is busy or asleep", new ChipTrace().read(Hex.parse("ffffffff")));
    }

    @Test void counterAndUpdateExtraAreNamed() {
        assertEquals("cmd Counter increment counter 1, crc ok", new ChipTrace().write(cmd(new CommandPacket(Opcode.COUNTER, 1, 1).encode())));
        assertEquals("cmd UpdateExtra UserExtra (byte 84) value 0x55, crc ok", new ChipTrace().write(cmd(new CommandPacket(Opcode.UPDATE_EXTRA, 0, 0x55).encode())));
    }
}
