package dev.sesh.shell.complete;

import dev.sesh.shell.command.i2c.I2cAddressCandidates;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescribedCandidatesTest {
    @Test
    void lockTargetsAreTheThreeWordsEachWithItsMeaning() {
        LockTargets t = new LockTargets();
        List<String> words = new ArrayList<>();
        t.forEach(words::add);
        assertEquals(List.of("config", "data", "slot"), words);
        assertTrue(t.describe("config").contains("never changes"), t.describe("config"));
        assertEquals("", t.describe("otp"));
    }

    @Test
    void scannedAddressesSayWhatUsuallySitsThere() {
        I2cAddressCandidates c = new I2cAddressCandidates(null);
        assertEquals("found by the last scan; EEPROM?", c.describe("0x50"));
        assertEquals("found by the last scan; ATECC508A/608A?", c.describe("0x60"));
        assertEquals("found by the last scan", c.describe("0x11"));
    }
}
