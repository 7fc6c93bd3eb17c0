package dev.sesh.twin;

import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rehearsal of irreversible steps on a twin of the chip model (issue 23). */
class RehearsalTest {
    static ConfigZone article() throws IOException {
        return ConfigZone.of(Bytes.ofHex(Files.readString(Path.of("src/test/resources/reference/atca-aws-test.hex"))));
    }

    /** The article's config with slot 0's WriteConfig set to 2 (Never; GenKey allowed, PrivWrite not). */
    static ConfigZone slot0WithoutPrivWrite() throws IOException {
        ConfigZone z = article();
        return z.withSlotConfig(0, z.slotConfig(0).withWriteConfig(2));
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(23);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theArticlesConfigLockLeavesTheArticlesUsesWorking() throws IOException {
        Rehearsal.Result r = Rehearsal.run(Variant.ATECC508A, article().bytes(), Step.lockConfig(), seeded());
        String text = String.join("\n", r.lines());
        assertTrue(r.withDataLock(), text);
        assertTrue(text.contains("slots 0-3: sign ok, ECDH ok, GenKey ok, encrypted PrivWrite with slot 4 ok"), text);
        assertTrue(r.refused().stream().noneMatch(u -> u.slot() >= 0 && u.slot() <= 3), text);
        // Slot 4 holds the write key: secret, never readable, never written in the clear after the lock.
        assertTrue(r.refused().stream().anyMatch(u -> u.slot() == 4 && u.what().equals("read") && u.why().contains("IsSecret=1")), text);
        assertTrue(text.contains("counter 0 increment ok"), text);
    }

    @Test
    void aSlotThatForbidsTheEncryptedWriteIsNamedWithItsWriteConfig() throws IOException {
        Rehearsal.Result r = Rehearsal.run(Variant.ATECC508A, slot0WithoutPrivWrite().bytes(), Step.lockConfig(), seeded());
        String text = String.join("\n", r.lines());
        List<Rehearsal.Use> bad = r.refused().stream().filter(u -> u.slot() == 0).toList();
        assertEquals(1, bad.size(), text);
        assertEquals("encrypted PrivWrite with slot 4", bad.get(0).what());
        assertTrue(bad.get(0).why().contains("WriteConfig=0x2 (bit 2 = encrypted PrivWrite)"), text);
        assertTrue(text.contains("slot 0: sign ok, ECDH ok, GenKey ok, encrypted PrivWrite with slot 4 refused (WriteConfig of slot 0 forbids PrivWrite"), text);
        assertTrue(text.contains("slots 1-3: sign ok, ECDH ok, GenKey ok, encrypted PrivWrite with slot 4 ok"), text);
    }

    @Test
    void aStepTheChipRefusesIsReportedAsSuch() throws IOException {
        // Locking data on a chip whose config zone is still open: the twin refuses as the chip would.
        Rehearsal.Result r = Rehearsal.run(Variant.ATECC508A, article().bytes(), Step.lockData(), seeded());
        assertTrue(r.stepRefusal().isPresent());
        assertTrue(r.lines().get(0).startsWith("warning: "), r.lines().toString());
    }

    @Test
    void aSlotLockIsRehearsedOnThatSlotOnly() throws IOException {
        ConfigZone locked = article().withByte(86, 0).withByte(87, 0);
        Rehearsal.Result r = Rehearsal.run(Variant.ATECC508A, locked.bytes(), Step.lockSlot(0), seeded());
        assertFalse(r.withDataLock());
        assertTrue(r.uses().stream().allMatch(u -> u.slot() == 0), r.uses().toString());
        // A locked key slot still signs, but no key can ever be written or made there again.
        String text = String.join("\n", r.lines());
        assertTrue(text.contains("slot 0: sign ok, ECDH ok, GenKey refused (slot 0 is locked"), text);
    }
}
