package dev.sesh.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The i2c commands through the launcher on a {@code sim:} board without a TTY (EEPROM 0x50, ATECC 0x60). */
class I2cMainTest {
    @TempDir Path home;

    SeshRuns.Run typed(String stdin, String... args) { return SeshRuns.typed(home, stdin, args).withoutCarriageReturns(); }

    SeshRuns.Run run(String... args) { return typed("", args); }

    private static String lockConfigPacket() {
        return Bytes.ofInts(0x03).concat(new CommandPacket(Opcode.LOCK, 0x80, 0).encode()).hex();
    }

    @Test void scanFindsTheSensorTheEepromAndTheChip() {
        SeshRuns.Run r = run("--port", "sim:", "i2c", "scan");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n40: -- -- -- -- -- -- -- -- 48 -- "), r.out());
        assertTrue(r.out().contains("\n50: 50 -- "), r.out());
        assertTrue(r.out().contains("\n60: 60 -- "), r.out());
        assertTrue(r.out().endsWith("3 devices: 0x48 (register device?), 0x50 (EEPROM?), 0x60 (ATECC508A/608A?)\n"), r.out());
    }

    @Test void scanJsonIsOneJsonValueOnStdout() throws Exception {
        SeshRuns.Run r = run("--port", "sim:", "--json", "i2c", "scan");
        assertEquals(0, r.code(), r.err());
        assertEquals("[72,80,96]", new ObjectMapper().readTree(r.out()).path("found").toString());
    }

    @Test void readOfTheEepromPrintsAHexDump() {
        SeshRuns.Run r = run("--port", "sim:", "-c", "i2c read 0x50 4");
        assertEquals(0, r.code(), r.err());
        assertEquals("0000  00 01 02 03                                       |....|\n", r.out());
    }

    @Test void writeWithoutTerminalIsRefusedWithExit3() {
        SeshRuns.Run r = run("--port", "sim:", "i2c", "write", "0x50", "00", "de", "ad");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("i2c write 0x50"), r.err());
        assertTrue(r.err().contains("--yes"), r.err());
        assertFalse(r.err().contains("wrote"), r.err());
    }

    @Test void writeWithYesIsShownAppliedAndAudited() throws Exception {
        SeshRuns.Run r = run("--port", "sim:", "--yes", "i2c", "write", "0x50", "00deadbeef");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("00deadbeef"), r.err());
        assertTrue(r.err().contains("approved by --yes"), r.err());
        assertTrue(r.err().contains("wrote 5 bytes to 0x50"), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(home.resolve("audit.log")).contains("0x50"));
    }

    @Test void handWrittenLockPacketIsIrreversibleAndYesDoesNotCoverIt() {
        SeshRuns.Run r = run("--port", "sim:", "--yes", "i2c", "write", "0x60", lockConfigPacket());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("Lock"), r.err());
        assertTrue(r.err().contains("--yes-irreversible"), r.err());
    }

    @Test void handWrittenLockPacketWithoutAnyFlagIsRefusedForLackOfATerminal() {
        SeshRuns.Run r = run("--port", "sim:", "i2c", "write", "0x60", lockConfigPacket());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("no terminal"), r.err());
    }

    @Test void reversibleChipCommandIsCoveredByYes() {
        String write = Bytes.ofInts(0x03).concat(new CommandPacket(Opcode.WRITE, 0x00, 0x0004, Bytes.ofHex("01020304")).encode()).hex();
        SeshRuns.Run r = run("--port", "sim:", "--yes", "-c", "i2c write 0x60 " + write);
        assertTrue(r.err().contains("approved by --yes"), r.err());
        assertFalse(r.err().contains("01020304"), "chip data is not shown: " + r.err());
        assertEquals(1, r.code(), "the chip sleeps, so it NACKs: " + r.err());
        assertTrue(r.err().contains("error: nothing answered at 0x60"), r.err());
    }

    @Test void lockPacketWithYesIrreversibleAndWakeReachesTheChip() {
        SeshRuns.Run r = run("--port", "sim:", "--yes-irreversible", "-c", "i2c write --wake 0x60 " + lockConfigPacket());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("approved by --yes-irreversible"), r.err());
        assertTrue(r.err().contains("wrote 8 bytes to 0x60"), r.err());
    }

    @Test void consoleWakesTheChipAndReadsTheWakeAnswer() {
        SeshRuns.Run r = typed("i2c wake\ni2c scan\nexit\n", "--port", "sim:");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0x60 answered 04 11 33 43: awake (the wake answer)"), r.out());
    }

    @Test void eightBitAddressWarningGoesToStderr() {
        SeshRuns.Run r = run("--port", "sim:", "i2c", "read", "0xa0", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("0000  00                                                |.|\n", r.out());
        assertTrue(r.err().startsWith("warning: 0xa0 is the 8-bit form"), r.err());
    }

    @Test void addressOutOfRangeIsUsageErrorExit2() {
        SeshRuns.Run r = run("--port", "sim:", "i2c", "read", "0x78", "1");
        assertEquals(2, r.code(), r.err());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: I2C address 0x78"), r.err());
        assertEquals("", r.out());
    }

    @Test void helpExplainsTheRpcLimits() {
        SeshRuns.Run r = run("--port", "sim:", "help", "i2c");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("repeated START"), r.out());
        assertTrue(r.out().contains("dump"), r.out());
    }
}
