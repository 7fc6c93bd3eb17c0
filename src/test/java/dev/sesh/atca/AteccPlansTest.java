package dev.sesh.atca;

import dev.sesh.atca.config.ConfigZone;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans built from what was read, without a board (style.md rule 2). */
class AteccPlansTest {
    private static final Bytes SERIAL = Bytes.ofHex("012352aad1bbf378ee");
    private static final Target CHIP = Target.board("sim:", "esp8266_0A1B2C").withChip("ATECC508A", SERIAL);

    /** The real chip's image after ATCA.SetConfig with the aws YAML (vector, CRC 0x80F1). */
    private static ConfigZone chipImage() { return ConfigZone.of(Vectors.hex("config_zone", "chip_image_after_setconfig")); }

    @Test
    void configLockPlanCarriesTheCrcOfThePreviewAndTheTypedPhraseNamesTheSerial() {
        Plan p = AteccPlans.lockConfig(CHIP, chipImage(), true);
        assertEquals(Change.Lock.config(0x80F1), p.changes().get(0));
        assertEquals("lock config f378", p.phrase());
        assertTrue(p.notes().get(0).contains("CRC 0x80F1 goes with the command"), p.notes().toString());
        assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("lint: ")), p.notes().toString());
    }

    @Test
    void configLockOverAtcaRpcSaysTheLockCarriesNoCrc() {
        Plan p = AteccPlans.lockConfig(CHIP, chipImage(), false);
        assertEquals(new Change.Lock(Change.LockZone.CONFIG, -1, OptionalInt.empty()), p.changes().get(0));
        assertTrue(p.notes().get(0).startsWith("ATCA.LockZone carries no CRC"), p.notes().get(0));
        assertTrue(p.notes().get(0).contains("(CRC 0x80F1)"), p.notes().get(0));
    }

    @Test
    void dataLockPlanSaysItIsSentWithoutCrc() {
        Plan p = AteccPlans.lockData(CHIP, chipImage());
        assertEquals("lock data f378", p.phrase());
        assertTrue(p.notes().get(0).startsWith("sent without a CRC"), p.notes().get(0));
    }

    /** A chip nobody configured: SlotConfig (bytes 20-51) and KeyConfig (96-127) all 0. */
    private static ConfigZone factoryImage() {
        return chipImage().withBytes(20, Bytes.of(new byte[32])).withBytes(96, Bytes.of(new byte[32]));
    }

    @Test
    void configLockOfAFactoryDefaultZoneWarnsFirst() {
        Plan p = AteccPlans.lockConfig(CHIP, factoryImage(), true);
        assertTrue(p.notes().get(0).startsWith("warning: the config zone is still the factory default"), p.notes().toString());
        assertTrue(p.notes().get(0).contains("atca config set FILE"), p.notes().get(0));
        assertFalse(AteccPlans.lockConfig(CHIP, chipImage(), true).notes().stream().anyMatch(n -> n.contains("factory default")));
    }

    @Test
    void dataLockPlanListsTheSlotsThatBecomeNeverWritableOrNeverReadable() {
        Plan p = AteccPlans.lockData(CHIP, chipImage());
        String writable = p.notes().stream().filter(n -> n.startsWith("never writable after this: slot ")).findFirst().orElse("");
        String readable = p.notes().stream().filter(n -> n.startsWith("never readable after this: slot ")).findFirst().orElse("");
        assertTrue(readable.contains("0 (private key)"), p.notes().toString());
        assertFalse(writable.isEmpty(), p.notes().toString());
        ConfigZone z = chipImage();
        for (int slot = 0; slot < 16; slot++) {
            boolean never = !z.keyConfig(slot).isPrivate() && z.slotConfig(slot).writePolicy() == dev.sesh.atca.config.WritePolicy.NEVER;
            if (never) assertTrue(writable.matches(".*\\b" + slot + "\\b.*"), slot + ": " + writable);
        }
    }

    @Test
    void awsConfigWriteIsReversibleWithoutLintErrors() {
        ConfigZone factory = chipImage().withBytes(20, Bytes.of(new byte[32]));
        Plan p = AteccPlans.configWrite(CHIP, factory, chipImage(), "i2c").orElseThrow();
        assertFalse(p.needsPhrase());
        assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("lint: ") && !n.contains("error")), p.notes().toString());
    }

    @Test
    void configWriteWithALintErrorNeedsTheTypedPhrase() {
        ConfigZone wanted = chipImage().withSlotConfig(0, chipImage().slotConfig(0).withIsSecret(false));
        Plan p = AteccPlans.configWrite(CHIP, chipImage(), wanted, "i2c").orElseThrow();
        assertFalse(p.isIrreversible());
        assertTrue(p.needsPhrase());
        assertEquals("write config f378", p.phrase());
        assertTrue(p.notes().stream().anyMatch(n -> n.trim().startsWith("error slot 0")), p.notes().toString());
    }

    @Test
    void noDifferenceMeansNoPlan() {
        assertTrue(AteccPlans.configWrite(CHIP, chipImage(), chipImage(), "rpc").isEmpty());
    }

    @Test
    void mergedTakesOnlyWritableBytesAndKeepsSerialAndLocks() {
        ConfigZone yamlBytes = ConfigZone.of(Vectors.hex("config_zone", "aws_test_yaml_bytes"));
        ConfigZone factory = chipImage().withBytes(16, Bytes.of(new byte[68]));
        Bytes m = AteccPlans.merged(factory, yamlBytes);
        assertEquals(factory.bytes().slice(0, 16), m.slice(0, 16));
        assertEquals(factory.bytes().slice(86, 88), m.slice(86, 88));
        assertEquals(yamlBytes.bytes().slice(16, 86), m.slice(16, 86));
        assertEquals(yamlBytes.bytes().slice(88, 128), m.slice(88, 128));
    }

    @Test
    void clearWriteIsRefusedWhereTheConfigAsksForEncryption() {
        ConfigZone locked = chipImage().withLocks(true, true);
        var e = assertThrows(dev.sesh.SeshException.class, () -> AteccPlans.checkClearWrite(locked, 8, 32));
        assertEquals("slot 8 takes only encrypted writes (WriteConfig Encrypt, key 4): sesh will not send its data in the clear", e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void clearWriteOfAPrivateKeySlotIsRefused() {
        var e = assertThrows(dev.sesh.SeshException.class, () -> AteccPlans.checkClearWrite(chipImage().withLocks(true, false), 0, 32));
        assertEquals("slot 0 holds a private key", e.getMessage());
    }

    @Test
    void clearWriteOfTheWrongSizeIsRefused() {
        var e = assertThrows(dev.sesh.SeshException.class, () -> AteccPlans.checkClearWrite(chipImage().withLocks(true, true), 10, 33));
        assertTrue(e.getMessage().startsWith("slot 10 takes 32-byte blocks"), e.getMessage());
    }
}
