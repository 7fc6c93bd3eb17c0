package dev.sesh.atca.config;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigZoneTest {
    @Test void summaryCrcOfTheAwsYamlBytesIsTheVector() {
        assertEquals(Vectors.num("config_zone", "aws_test_yaml_bytes_lock_crc_param2"), AwsConfig.yamlBytes().summaryCrc());
        assertEquals(0x89F9, AwsConfig.yamlBytes().summaryCrc());
    }

    @Test void summaryCrcOfTheChipImageIsTheLockVector() {
        Bytes wire = Vectors.hex("config_zone", "chip_image_lock_config_crc");
        int crc = AwsConfig.chipImage().summaryCrc();
        assertEquals(wire, Bytes.ofInts(crc & 0xff, crc >> 8));
        // The Lock packet's param2 carries exactly these bytes (atecc.md 6).
        assertEquals(Vectors.hex("config_zone", "chip_image_lock_config_packet").slice(3, 5), wire);
    }

    @Test void serialRevisionAndVariantOfTheChipImage() {
        ConfigZone z = AwsConfig.chipImage();
        assertEquals(Bytes.ofHex(Vectors.at("meta", "serial_number").asText()), z.serialNumber());
        assertEquals(0x5000, z.revision());
        assertEquals(Variant.ATECC508A, z.variant());
        assertTrue(z.i2cEnable());
        assertEquals(0xC0, z.reserved13());
    }

    @Test void revisionFrom0x6000IsA608() {
        assertEquals(Variant.ATECC608A, AwsConfig.yamlBytes().variant());
        assertEquals(Variant.ATECC608A, AwsConfig.chipImage().withBytes(4, Bytes.ofHex("00006000")).variant());
        assertEquals(Variant.ATECC508A, AwsConfig.chipImage().withBytes(4, Bytes.ofHex("00005fff")).variant());
    }

    @Test void slotConfigBitsOfTheAwsSlotsMatchTheReferenceTable() {
        ConfigZone z = AwsConfig.yamlBytes();
        SlotConfig s0 = z.slotConfig(0);                       // 87 64
        assertEquals(0x6487, s0.raw());
        assertTrue(s0.extSignEnable() && s0.intSignEnable() && s0.ecdhEnable());
        assertFalse(s0.ecdhToNextSlot() || s0.noMac() || s0.limitedUse() || s0.encryptRead());
        assertTrue(s0.isSecret());
        assertEquals(4, s0.writeKey());
        assertEquals(6, s0.writeConfig());
        assertEquals(WritePolicy.ENCRYPT, s0.writePolicy());
        assertTrue(s0.genKeyAllowed() && s0.privWriteAllowed());

        SlotConfig s4 = z.slotConfig(4);                       // 8F 0F
        assertEquals(new SlotConfig(15, false, false, false, true, 15, 0), s4);
        assertEquals(WritePolicy.ALWAYS, s4.writePolicy());
        SlotConfig s6 = z.slotConfig(6);                       // 9F 8F
        assertTrue(s6.noMac());
        assertEquals(WritePolicy.NEVER, s6.writePolicy());
        SlotConfig s8 = z.slotConfig(8);                       // C4 44
        assertEquals(new SlotConfig(4, false, false, true, true, 4, 4), s8);
        SlotConfig s7 = z.slotConfig(7);                       // 82 20
        assertTrue(s7.intSignEnable() && !s7.extSignEnable() && s7.genKeyAllowed() && !s7.privWriteAllowed());
        assertEquals(new SlotConfig(15, false, false, false, false, 15, 0), z.slotConfig(12));
    }

    @Test void keyConfigBitsOfTheValuesToRecognise() {
        KeyConfig k33 = KeyConfig.of(0x0033);
        assertTrue(k33.isPrivate() && k33.pubInfo() && k33.lockable() && k33.isP256Private());
        assertEquals(KeyType.P256, k33.keyType());
        KeyConfig k13 = KeyConfig.of(0x0013);
        assertTrue(k13.isP256Private() && !k13.lockable());
        assertEquals(new KeyConfig(false, false, KeyType.OTHER, true, false, false, 0, false, false, 0), KeyConfig.of(0x003C));
        assertEquals(KeyType.OTHER, KeyConfig.of(0x001C).keyType());
        assertFalse(KeyConfig.of(0x001C).lockable());
        assertEquals(KeyType.AES, KeyConfig.of(0x0038).keyType());
        KeyConfig high = KeyConfig.of(0xF7C0);
        assertTrue(high.reqRandom() && high.reqAuth() && high.intrusionDisable() && high.rfu13());
        assertEquals(7, high.authKey());
        assertEquals(3, high.x509id());
    }

    @Test void privateSlotsOfTheAwsConfigAreTheVectorList() {
        ConfigZone z = AwsConfig.yamlBytes();
        List<Integer> priv = new ArrayList<>();
        for (int n = 0; n < 16; n++) if (z.keyConfig(n).isPrivate()) priv.add(n);
        List<Integer> expected = new ArrayList<>();
        Vectors.at("data_lock_crc_example", "private_slots_in_aws_test_config").forEach(n -> expected.add(n.asInt()));
        assertEquals(expected, priv);
    }

    @Test void everySlotAndKeyConfigValueSurvivesDecodeAndEncode() {
        for (int raw = 0; raw <= 0xFFFF; raw++) {
            assertEquals(raw, SlotConfig.of(raw).raw());
            assertEquals(raw, KeyConfig.of(raw).raw());
        }
    }

    @Test void withSlotConfigWritesLittleEndianAndLeavesTheOriginal() {
        ConfigZone z = AwsConfig.yamlBytes();
        ConfigZone changed = z.withSlotConfig(3, SlotConfig.of(0x1234)).withKeyConfig(15, KeyConfig.of(0xABCD));
        assertEquals(0x34, changed.get(26));
        assertEquals(0x12, changed.get(27));
        assertEquals(0xCD, changed.get(126));
        assertEquals(0xAB, changed.get(127));
        assertEquals(0x6487, z.slotConfig(3).raw());
        assertNotEquals(z, changed);
    }

    @Test void lockStateFollowsTheLockBytesAndSlotLocked() {
        ConfigZone open = AwsConfig.chipImage();
        assertEquals(new LockState(false, false, 0xFFFF), open.lockState());
        ConfigZone configLocked = ConfigZone.of(Vectors.hex("config_zone", "chip_image_after_config_lock"));
        assertTrue(configLocked.lockState().configLocked());
        assertFalse(configLocked.lockState().dataLocked());
        ConfigZone both = ConfigZone.of(Vectors.hex("config_zone", "chip_image_after_data_lock")).withSlotLocked(0xFFFF & ~(1 << 3));
        assertTrue(both.lockState().configLocked() && both.lockState().dataLocked());
        assertTrue(both.lockState().slotLocked(3));
        assertFalse(both.lockState().slotLocked(2));
        // cryptoauthlib: anything but 0x55 is locked.
        assertTrue(open.withByte(87, 0x12).lockState().configLocked());
        assertEquals(configLocked, open.withLocks(true, false));
    }

    @Test void countersDecodeTheReferenceEncoding() {
        assertEquals(Bytes.ofHex("ffffffff00000000"), MonotonicCounter.encode(0));
        assertEquals(OptionalInt.of(0), AwsConfig.yamlBytes().counter(0));
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            int v = i < 100 ? i : r.nextInt(MonotonicCounter.MAX + 1);
            assertEquals(OptionalInt.of(v), MonotonicCounter.decode(MonotonicCounter.encode(v)), "count " + v);
        }
        assertEquals(OptionalInt.empty(), MonotonicCounter.decode(Bytes.ofHex("0000000000000000")));
        assertEquals(OptionalInt.of(40), AwsConfig.yamlBytes().withCounter(1, 40).counter(1));
    }

    @Test void busAddressIsByte16UnlessA608TakesUserExtraAdd() {
        ConfigZone z = AwsConfig.chipImage();
        assertEquals(0x60, z.busAddress());
        assertEquals(0x58, z.withI2cAddressByte(0xB0).busAddress());
        ConfigZone z608 = AwsConfig.yamlBytes().withByte(85, 0xC8);
        assertEquals(0x60, z608.busAddress());
        assertEquals(0x64, z608.withChipMode(ChipMode.of(1)).busAddress());
        // On a 508A bit 0 is SelectorMode and byte 85 is the Pause selector, not an address.
        assertEquals(0x60, z.withByte(85, 0xC8).withChipMode(ChipMode.of(1)).busAddress());
    }

    @Test void mosSummaryNamesModelRevisionSerialAndLocks() {
        assertEquals("ATECC508A rev 0x5000 S/N 0x012352aad1bbf378ee, config is unlocked, data is unlocked", AwsConfig.chipImage().mosSummary());
        assertEquals("ATECC508A rev 0x5000 S/N 0x012352aad1bbf378ee, config is locked, data is unlocked",
                ConfigZone.of(Vectors.hex("config_zone", "chip_image_after_config_lock")).mosSummary());
        assertEquals("ATECC608A rev 0x6002 S/N 0x000000000000000000, config is unlocked, data is unlocked", AwsConfig.yamlBytes().mosSummary());
    }

    @Test void aZoneIsExactly128Bytes() {
        SeshException e = assertThrows(SeshException.class, () -> ConfigZone.of(Bytes.of(new byte[127])));
        assertEquals(SeshException.USAGE, e.exitCode());
        assertThrows(SeshException.class, () -> AwsConfig.yamlBytes().slotConfig(16));
    }

    @Test void toStringIsTheCompactHex() {
        assertEquals("ConfigZone[" + Vectors.at("config_zone", "aws_test_yaml_bytes").asText() + "]", AwsConfig.yamlBytes().toString());
        assertEquals("SlotConfig[87 64]", AwsConfig.yamlBytes().slotConfig(0).toString());
        assertEquals("KeyConfig[33 00]", AwsConfig.yamlBytes().keyConfig(0).toString());
    }
}
