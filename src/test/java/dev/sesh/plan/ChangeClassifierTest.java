package dev.sesh.plan;

import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeClassifierTest {
    private static final int CHIP = ChangeClassifier.DEFAULT_CHIP_ADDRESS;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Sys.GetInfo, READ_ONLY", "RPC.List, READ_ONLY", "RPC.Describe, READ_ONLY", "RPC.Ping, READ_ONLY",
            "Config.Get, READ_ONLY", "FS.Get, READ_ONLY", "FS.List, READ_ONLY", "FS.ListExt, READ_ONLY",
            "I2C.Scan, READ_ONLY", "I2C.Read, READ_ONLY", "I2C.ReadRegB, READ_ONLY", "I2C.ReadRegW, READ_ONLY",
            "ATCA.GetConfig, READ_ONLY", "ATCA.GetPubKey, READ_ONLY", "ATCA.Sign, READ_ONLY", "ATCA.AES, READ_ONLY",
            "sys.getinfo, READ_ONLY",
            "ATCA.LockZone, IRREVERSIBLE", "atca.lockzone, IRREVERSIBLE", "ATCA.GenKey, IRREVERSIBLE", "FS.Mkfs, IRREVERSIBLE",
            "ATCA.SetConfig, REVERSIBLE", "ATCA.SetKey, REVERSIBLE", "Sys.Reboot, REVERSIBLE", "Config.Set, REVERSIBLE",
            "Config.Save, REVERSIBLE", "FS.Put, REVERSIBLE", "FS.Remove, REVERSIBLE", "I2C.Write, REVERSIBLE",
            "Sys.SetDebug, REVERSIBLE", "Foo.Bar, REVERSIBLE", "OTA.Update, REVERSIBLE",
    })
    void classifiesRpcMethodsByName(String method, Effect expected) {
        // By name alone: what the method can do (an I2C.Write can write), not what one frame does.
        assertEquals(expected, ChangeClassifier.rpcMethod(method).effect());
    }

    @Test
    void setKeyOfAnEccKeyIsAnIrreversiblePrivWrite() {
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.rpcCall("ATCA.SetKey", Map.of("slot", 0, "ecc", true), CHIP).effect());
        assertEquals(Effect.REVERSIBLE, ChangeClassifier.rpcCall("ATCA.SetKey", Map.of("slot", 8), CHIP).effect());
    }

    @Test
    void lockZoneCallNamesTheZone() {
        Classification c = ChangeClassifier.rpcCall("ATCA.LockZone", Map.of("zone", 1), CHIP);
        assertEquals(Effect.IRREVERSIBLE, c.effect());
        assertTrue(c.what().contains("data zone"), c.what());
    }

    @Test
    void i2cWriteCallToTheChipIsDecoded() {
        Map<String, Object> lock = Map.of("addr", 0x60, "data_hex", "0307178000" + "00398d");
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.rpcCall("I2C.Write", lock, CHIP).effect());
        Map<String, Object> sleep = Map.of("addr", 96, "data_hex", "01");
        assertEquals(Effect.READ_ONLY, ChangeClassifier.rpcCall("I2C.Write", sleep, CHIP).effect());
        Map<String, Object> eeprom = Map.of("addr", 0x50, "data_hex", "0001");
        assertEquals(Effect.REVERSIBLE, ChangeClassifier.rpcCall("I2C.Write", eeprom, CHIP).effect());
    }

    @Test
    void writeRegBToTheChipAddressIsDecodedAsAWordAddress() {
        // reg 0x01 value 0x00 -> bytes 01 00: "sleep" to an ATECC, but a register write to anything
        // else, and the guard does not trust the address (a chip can be moved): a reversible change.
        assertEquals(Effect.REVERSIBLE, ChangeClassifier.rpcCall("I2C.WriteRegB", Map.of("addr", 96, "reg", 1, "value", 0), CHIP).effect());
        assertEquals(Effect.READ_ONLY, ChangeClassifier.rpcCall("I2C.Write", Map.of("addr", 0x58, "data_hex", "01"), CHIP).effect(),
                "a lone sleep byte passes at any address");
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.rpcCall("I2C.WriteRegW", Map.of("addr", 96, "reg", 3, "value", 0x07), CHIP).effect());
    }

    @Test
    void i2cWriteCallWithoutDataWritesNothingAndWithBadHexIsIrreversible() {
        // The firmware answers 400 "addr and data_hex are required": nothing reaches the bus.
        assertEquals(Effect.READ_ONLY, ChangeClassifier.rpcCall("I2C.Write", Map.of(), CHIP).effect());
        // What the firmware's %H makes of non-hex text is not known: the strictest answer.
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.rpcCall("I2C.Write", Map.of("addr", 96, "data_hex", "zz"), CHIP).effect());
    }

    @Test
    void handBuiltLockPacketWithItsCrcIsIrreversible() {
        Bytes group = Bytes.ofInts(0x07, 0x17, 0x00, 0xf1, 0x80);
        Bytes crc = AteccCrc.of(group);
        assertEquals("222f", crc.hex(), "the packet of reference/atecc.md section 6");
        Bytes packet = Bytes.ofInts(0x03).concat(group).concat(crc);
        Classification c = ChangeClassifier.i2cWrite(0x60, packet, CHIP);
        assertEquals(Effect.IRREVERSIBLE, c.effect());
        assertTrue(c.what().contains("Lock config zone, CRC 0x80F1"), c.what());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Lock config no CRC,        03 07 17 80 00 00, IRREVERSIBLE",
            "Lock data no CRC,          03 07 17 81 00 00, IRREVERSIBLE",
            "Lock slot 3,               03 07 17 0e 00 00, IRREVERSIBLE",
            "UpdateExtra byte 84,       03 07 20 00 5a 00, IRREVERSIBLE",
            "UpdateExtra byte 85,       03 07 20 01 55 00, IRREVERSIBLE",
            "UpdateExtra byte 85 := 0,  03 07 20 01 00 00, REVERSIBLE",
            "GenKey create slot 0,      03 07 40 04 00 00, IRREVERSIBLE",
            "GenKey create digest,      03 07 40 0c 02 00, IRREVERSIBLE",
            "GenKey public key,         03 07 40 00 00 00, READ_ONLY",
            "PrivWrite slot 0,          03 4b 46 40 00 00, IRREVERSIBLE",
            "Counter increment,         03 07 24 01 00 00, IRREVERSIBLE",
            "Counter read,              03 07 24 00 01 00, READ_ONLY",
            "Write config,              03 0b 12 00 04 00, REVERSIBLE",
            "Read config,               03 07 02 80 00 00, READ_ONLY",
            "Nonce pass-through,        03 27 16 03 00 00, READ_ONLY",
            "Random,                    03 07 1b 00 00 00, READ_ONLY",
            "Sign external,             03 07 41 80 00 00, READ_ONLY",
            "Info revision,             03 07 30 00 00 00, READ_ONLY",
            "unknown opcode,            03 07 99 00 00 00, REVERSIBLE",
            "reset,                     00, READ_ONLY",
            "sleep,                     01, READ_ONLY",
            "idle,                      02, READ_ONLY",
            "empty write (wake probe),  '', READ_ONLY",
            "reserved word address,     04 00, REVERSIBLE",
            "truncated command,         03 07 17, IRREVERSIBLE",
    })
    void classifiesChipPacketsWrittenToTheChipAddress(String name, String hex, Effect expected) {
        assertEquals(expected, ChangeClassifier.i2cWrite(0x60, Bytes.ofHex(hex), CHIP).effect(), name);
    }

    @Test
    void aChipCommandIsDecodedAtAnyAddress() {
        // A chip can be moved (config byte 16, or UserExtraAdd on a 608): a lock is a lock wherever it goes.
        Bytes lockLookalike = Bytes.ofHex("03 07 17 80 00 00 39 8d");
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.i2cWrite(0x50, lockLookalike, CHIP).effect());
        assertEquals(Effect.REVERSIBLE, ChangeClassifier.i2cWrite(0x50, Bytes.ofHex("00 10 41 42"), CHIP).effect());
        // Register 3 of a sensor: too short to be a command group (8 bytes at least), so an ordinary write.
        assertEquals(Effect.REVERSIBLE, ChangeClassifier.i2cWrite(0x48, Bytes.ofHex("03 00 07"), CHIP).effect());
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.i2cWrite(0x61, Bytes.ofHex("03 00 07"), CHIP).effect(),
                "at an ATECC address a short group is still taken as the strictest case");
    }

    @Test
    void aChipAtAnotherAddressIsDecodedThere() {
        Bytes lock = Bytes.ofHex("03 07 17 80 00 00 39 8d");
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.i2cWrite(0x35, lock, 0x35).effect());
        assertEquals(Effect.IRREVERSIBLE, ChangeClassifier.i2cWrite(0x60, lock, 0x35).effect());
    }

    @ParameterizedTest(name = "opcode {0} mode {1} param2 {2} -> {3}")
    @CsvSource({
            "0x17, 0x00, 0x80f1, IRREVERSIBLE", "0x20, 0x02, 3, IRREVERSIBLE", "0x24, 0x01, 1, IRREVERSIBLE",
            "0x40, 0x04, 2, IRREVERSIBLE", "0x40, 0x04, 0xffff, READ_ONLY", "0x40, 0x10, 9, READ_ONLY",
            "0x46, 0x00, 0, IRREVERSIBLE", "0x1c, 0x00, 5, IRREVERSIBLE", "0x56, 0x08, 5, IRREVERSIBLE",
            "0x56, 0x10, 0, READ_ONLY", "0x12, 0xc2, 0x0040, REVERSIBLE", "0x45, 0x03, 10, REVERSIBLE",
            "0x45, 0x07, 10, REVERSIBLE", "0x45, 0x02, 4, READ_ONLY", "0x43, 0x00, 2, REVERSIBLE",
            "0x80, 0x06, 0, REVERSIBLE", "0x80, 0x05, 0, READ_ONLY", "0x80, 0x07, 0, REVERSIBLE", "0x80, 0x87, 0, REVERSIBLE", "0x30, 0x03, 0x02, REVERSIBLE",
            "0x30, 0x04, 0x03, REVERSIBLE", "0x30, 0x04, 0x00, READ_ONLY", "0x01, 0x00, 0, READ_ONLY",
            "0x02, 0x02, 0, READ_ONLY", "0x08, 0x00, 0, READ_ONLY", "0x11, 0x04, 0, READ_ONLY",
            "0x15, 0x02, 4, READ_ONLY", "0x28, 0x01, 0, READ_ONLY", "0x47, 0x00, 0, READ_ONLY",
            "0x51, 0x00, 5, READ_ONLY", "0x77, 0x3b, 0, READ_ONLY", "0x1b, 0x00, 0, READ_ONLY",
            "0x41, 0x80, 0, READ_ONLY", "0x16, 0x00, 0, READ_ONLY", "0x30, 0x00, 0, READ_ONLY",
            "0xee, 0x00, 0, REVERSIBLE",
    })
    void classifiesRawOpcodes(String op, String mode, String param2, Effect expected) {
        assertEquals(expected, ChangeClassifier.chipCommand(Integer.decode(op), Integer.decode(mode), Integer.decode(param2)).effect());
    }

    @Test
    void namesOpcodesAsTheDataSheetDoes() {
        assertEquals("UpdateExtra", ChangeClassifier.opcodeName(0x20));
        assertEquals("SecureBoot", ChangeClassifier.opcodeName(0x80));
        assertEquals("0x99", ChangeClassifier.opcodeName(0x99));
    }

    @Test
    void lockOfASlotNamesTheSlot() {
        assertEquals("Lock slot 3", ChangeClassifier.chipCommand(0x17, 0x02 | 3 << 2, 0).what());
    }
}
