package dev.sesh.atca.config;

import dev.sesh.atca.config.ConfigField.Access;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.sim.chip.ChipMemory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigDiffTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/config-diff-factory-508a-to-aws.txt");

    static ConfigZone factory508a() { return ConfigZone.of(ChipMemory.factoryNew(Variant.ATECC508A, 0).config()); }

    @Test void factoryNewToAwsConfigMatchesTheGoldenList() throws IOException {
        ConfigDiff diff = ConfigDiff.between(factory508a(), AwsConfig.yamlBytes());
        String text = diff.all().stream().map(FieldChange::line).collect(Collectors.joining("\n", "", "\n"));
        if (Boolean.getBoolean("sesh.updateGolden")) Files.writeString(GOLDEN, text);
        assertEquals(Files.readString(GOLDEN), text);
    }

    @Test void slotZeroWriteConfigChangeReadsLikeThePlan() {
        ConfigDiff diff = ConfigDiff.between(factory508a(), AwsConfig.yamlBytes());
        FieldChange wc = diff.all().stream().filter(c -> c.where().equals("slot 0") && c.field().equals("WriteConfig")).findFirst().orElseThrow();
        assertEquals("slot 0 WriteConfig: Always -> Encrypt(6)", wc.line());
        assertEquals(Access.WRITE, wc.access());
        assertEquals("slot 8 WriteConfig: Always -> Encrypt(4)", diff.all().stream()
                .filter(c -> c.where().equals("slot 8") && c.field().equals("WriteConfig")).findFirst().orElseThrow().line());
    }

    @Test void serialAndRevisionAreReportedAsNotWritableNeverPlanned() {
        ConfigDiff diff = ConfigDiff.between(factory508a(), AwsConfig.yamlBytes());
        List<String> fields = diff.notWritable().stream().map(FieldChange::field).toList();
        assertEquals(List.of("SerialNumber", "RevNum", "Reserved13"), fields);
        assertTrue(diff.planned().stream().allMatch(c -> c.access() != Access.READ_ONLY));
        assertTrue(diff.notWritable().get(0).line().endsWith("(cannot be written: read-only, set at the factory)"));
    }

    @Test void awsYamlAgainstTheChipItWasWrittenToHasNothingLeftToPlan() {
        ConfigDiff diff = ConfigDiff.between(AwsConfig.chipImage(), AwsConfig.yamlBytes());
        assertEquals(List.of(), diff.planned());
        assertFalse(diff.isEmpty());
    }

    @Test void lockBytesAreSetOnlyByLock() {
        ConfigZone locked = AwsConfig.chipImage().withLocks(true, true);
        ConfigDiff diff = ConfigDiff.between(locked, AwsConfig.chipImage());
        assertEquals(List.of("config LockValue: Locked -> Unlocked (cannot be written: set only by the Lock command)",
                "config LockConfig: Locked -> Unlocked (cannot be written: set only by the Lock command)"),
                diff.all().stream().map(FieldChange::line).toList());
    }

    @Test void userExtraIsPlannedOnlyWhileZero() {
        ConfigZone chip = AwsConfig.chipImage();
        ConfigDiff first = ConfigDiff.between(chip, chip.withByte(84, 0x42));
        assertEquals(Access.UPDATE_EXTRA, first.planned().get(0).access());
        assertTrue(first.needsUpdateExtra());
        ConfigDiff again = ConfigDiff.between(chip.withByte(84, 0x42), chip.withByte(84, 0x43));
        assertEquals("config UserExtra: 0x42 -> 0x43 (cannot be written: UserExtra can be set only once and already holds 0x42)",
                again.all().get(0).line());
    }

    @Test void selectorOfA508aWithSelectorMode0CanBeRewritten() {
        ConfigZone chip = AwsConfig.chipImage().withByte(85, 0x10);
        assertTrue(ConfigDiff.between(chip, chip.withByte(85, 0x20)).all().get(0).writable());
        ConfigZone once = chip.withChipMode(ChipMode.of(1));
        assertFalse(ConfigDiff.between(once, once.withByte(85, 0x20)).all().get(0).writable());
    }

    @Test void a608IsDiffedWithItsOwnNames() {
        ConfigZone z = AwsConfig.yamlBytes();
        ConfigDiff diff = ConfigDiff.between(z, z.withByte(18, 0x31).withByte(85, 0xC8).withKeyConfig(3, z.keyConfig(3).withIntrusionDisable(true)));
        assertEquals(List.of("config CountMatch: 0x55 -> 0x31", "config UserExtraAdd: 0x00 -> 0xC8", "slot 3 PersistentDisable: no -> yes"),
                diff.all().stream().map(FieldChange::line).toList());
    }

    @Test void privateFlagsAreNamedByTheWantedKeyConfig() {
        ConfigZone z = factory508a();
        ConfigZone wanted = z.withKeyConfig(2, KeyConfig.of(0x33)).withSlotConfig(2, SlotConfig.of(0x0005));
        List<String> lines = ConfigDiff.between(z, wanted).all().stream().map(FieldChange::line).toList();
        assertEquals(List.of("slot 2 ExtSignEnable: no -> yes", "slot 2 ECDHEnable: no -> yes", "slot 2 Private: no -> yes",
                "slot 2 PubInfo: no -> yes", "slot 2 KeyType: reserved 0 -> P256", "slot 2 Lockable: no -> yes"), lines);
    }

    @Test void zonesDifferExactlyWhenTheDiffIsNotEmpty() {
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            byte[] a = new byte[128];
            r.nextBytes(a);
            byte[] b = a.clone();
            int flips = r.nextInt(3);
            for (int k = 0; k < flips; k++) b[r.nextInt(128)] ^= (byte) (1 << r.nextInt(8));
            ConfigZone za = ConfigZone.of(Bytes.of(a)), zb = ConfigZone.of(Bytes.of(b));
            assertEquals(za.equals(zb), ConfigDiff.between(za, zb).isEmpty(), "seed 11 case " + i);
        }
    }
}
