package dev.sesh.atca.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/lint-aws-test-config.txt");
    /** The aws zone with its known weaknesses fixed: slot 4 and 15 no longer clear-writable, slot 15 secret. */
    static final ConfigZone AWS = AwsConfig.yamlBytes();
    static final ConfigZone TIGHT = AWS.withSlotConfig(4, AWS.slotConfig(4).withWriteConfig(8))
            .withSlotConfig(15, AWS.slotConfig(15).withIsSecret(true).withWriteConfig(8));

    private static List<Finding> of(String rule, ConfigZone z) {
        return Lint.run(z).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static Finding one(String rule, ConfigZone z) {
        List<Finding> f = of(rule, z);
        assertEquals(1, f.size(), rule + ": " + f);
        return f.get(0);
    }

    @Test void awsTestConfigFindingsMatchTheGoldenList() throws IOException {
        String text = Lint.run(AWS).stream().map(Finding::line).collect(Collectors.joining("\n", "", "\n"));
        if (Boolean.getBoolean("sesh.updateGolden")) Files.writeString(GOLDEN, text);
        assertEquals(Files.readString(GOLDEN), text);
    }

    @Test void awsTestConfigHasNoErrorsAndWarnsAboutItsKeySlots() {
        List<Finding> f = Lint.run(AWS);
        assertEquals(0, Lint.count(f, Severity.ERROR));
        assertEquals(List.of("key-slot-not-secret slot 15", "write-key-rewritable slot 4", "write-key-rewritable slot 15"),
                f.stream().filter(x -> x.severity() == Severity.WARNING).map(x -> x.rule() + " " + x.where()).toList());
        assertEquals(0, Lint.count(Lint.run(TIGHT), Severity.WARNING));
    }

    @Test void privateClearWrite() {
        Finding f = one("private-clear-write", AWS.withSlotConfig(0, AWS.slotConfig(0).withWriteConfig(0)));
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("slot 0", f.where());
        assertTrue(f.message().contains("set slot 0 WriteConfig to 6"), f.message());
        assertEquals(List.of(), of("private-clear-write", AWS));
    }

    @Test void privateNotP256() {
        Finding f = one("private-not-p256", AWS.withKeyConfig(7, AWS.keyConfig(7).withKeyType(KeyType.AES)));
        assertEquals("KeyType", f.field());
        assertTrue(f.problem().startsWith("slot 7 is private but its KeyType is AES"), f.problem());
        assertEquals(List.of(), of("private-not-p256", AWS));
    }

    @Test void privateNotSecret() {
        one("private-not-secret", AWS.withSlotConfig(14, AWS.slotConfig(14).withIsSecret(false)));
        assertEquals(List.of(), of("private-not-secret", AWS));
    }

    @Test void secretReadable() {
        Finding f = one("secret-readable", AWS.withKeyConfig(12, AWS.keyConfig(12).withKeyType(KeyType.AES)));
        assertTrue(f.problem().contains("slot 12 holds a key (its KeyType is AES)"), f.problem());
        one("secret-readable", AWS.withSlotConfig(11, AWS.slotConfig(11).withNoMac(true)));
        assertEquals(List.of(), of("secret-readable", AWS));
    }

    @Test void encryptReadNotSecret() {
        one("encrypt-read-not-secret", AWS.withSlotConfig(9, AWS.slotConfig(9).withIsSecret(false)));
        assertEquals(List.of(), of("encrypt-read-not-secret", AWS));
    }

    @Test void keySlotIsPrivate() {
        Finding f = one("key-slot-is-private", AWS.withSlotConfig(8, AWS.slotConfig(8).withWriteKey(1)));
        assertEquals("slot 8's WriteKey is slot 1, which holds a private key that GenDig cannot use, so those operations will always fail", f.problem());
        assertEquals(List.of(), of("key-slot-is-private", AWS));
    }

    @Test void keySlotNotSecret() {
        Finding f = one("key-slot-not-secret", AWS);
        assertEquals("slot 15 is the write key of slot 14 but can be read in the clear (IsSecret 0)", f.problem());
        Finding r = one("key-slot-not-secret", TIGHT.withSlotConfig(9, TIGHT.slotConfig(9).withReadKey(12)));
        assertEquals("slot 12 is the read key of slot 9 but can be read in the clear (IsSecret 0)", r.problem());
        assertEquals(List.of(), of("key-slot-not-secret", TIGHT));
    }

    @Test void writeKeyRewritable() {
        List<Finding> f = of("write-key-rewritable", AWS);
        assertEquals("slot 4 is the write key/read key of slots 0, 1, 2, 3, 8, 9 but can be rewritten in the clear (Always), so anyone can put in a key they know",
                f.get(0).problem());
        assertEquals(List.of(), of("write-key-rewritable", TIGHT));
    }

    @Test void genKeyWithoutPubInfo() {
        one("genkey-without-pubinfo", AWS.withKeyConfig(2, AWS.keyConfig(2).withPubInfo(false)));
        // Slot 14 cannot GenKey (WriteConfig 4), so PubInfo 0 there is not this rule's business.
        assertEquals(List.of(), of("genkey-without-pubinfo", AWS.withKeyConfig(14, AWS.keyConfig(14).withPubInfo(false))));
        assertEquals(List.of(), of("genkey-without-pubinfo", AWS));
    }

    @Test void unusableSlot() {
        Finding f = one("unusable-slot", AWS.withSlotConfig(3, AWS.slotConfig(3).withReadKey(0)));
        assertEquals("slot 3", f.where());
        assertEquals(List.of(), of("unusable-slot", AWS.withSlotConfig(3, AWS.slotConfig(3).withReadKey(4))));
        assertEquals(List.of(), of("unusable-slot", AWS));
    }

    @Test void fixedAtDataLock() {
        assertEquals(List.of("slot 5", "slot 6"), of("fixed-at-data-lock", AWS).stream().map(Finding::where).toList());
        assertEquals(Severity.INFO, of("fixed-at-data-lock", AWS).get(0).severity());
        ConfigZone z = AWS.withSlotConfig(7, AWS.slotConfig(7).withWriteConfig(8));
        assertTrue(of("fixed-at-data-lock", z).stream().anyMatch(f -> f.where().equals("slot 7") && f.fix().contains("write its key")));
        assertEquals("slot 6 can be neither read nor written once the data zone is locked; only commands that use it as a key "
                + "(GenDig, CheckMac, DeriveKey) can use what it holds", of("fixed-at-data-lock", AWS).get(1).problem());
        assertEquals(List.of(), of("fixed-at-data-lock", AWS.withSlotConfig(5, AWS.slotConfig(5).withWriteConfig(4))
                .withSlotConfig(6, AWS.slotConfig(6).withWriteConfig(0xA))));
    }

    @Test void i2cAddressMoved() {
        Finding f = one("i2c-address-moved", AWS.withI2cAddressByte(0xB0));
        assertEquals("I2C_Address is 0xB0: after its next sleep or power cycle the chip answers at 0x58, not 0x60", f.problem());
        assertEquals("set sys.atca.i2c_addr=0x58 on the board, or put I2C_Address back to 0xC0", f.fix());
        Finding alt = one("i2c-address-moved", AWS.withByte(85, 0xCA).withChipMode(ChipMode.of(1)));
        assertEquals("UserExtraAdd", alt.field());
        assertEquals(List.of(), of("i2c-address-moved", AWS));
    }

    @Test void lockBytesMustBeUnlockedInAZoneAboutToBeWritten() {
        ConfigZone locked = AWS.withLocks(true, false);
        Finding f = one("lock-bytes-not-unlocked", locked);
        assertEquals("LockConfig", f.field());
        assertEquals(List.of(), of("lock-bytes-not-unlocked", AWS));
        assertTrue(Lint.runOnChip(locked.withLocks(true, true)).stream().noneMatch(x -> x.rule().startsWith("lock-bytes")));
    }

    @Test void lockBytesOtherThan55Or00AreInvalidEvenOnAChip() {
        ConfigZone odd = AWS.withByte(86, 0x12);
        assertEquals(1, Lint.runOnChip(odd).stream().filter(x -> x.rule().equals("lock-bytes-invalid")).count());
        assertEquals(List.of(), of("lock-bytes-invalid", AWS.withLocks(true, true)));
    }

    @Test void lockableNotLocked() {
        List<String> slots = of("lockable-not-locked", AWS).stream().map(Finding::where).toList();
        assertEquals(List.of("slot 0", "slot 1", "slot 2", "slot 3", "slot 4", "slot 7", "slot 10", "slot 11", "slot 12", "slot 13", "slot 15"), slots);
        ConfigZone allLocked = AWS.withSlotLocked(0);
        assertEquals(List.of(), of("lockable-not-locked", allLocked));
    }

    @Test void authKeyWithoutReqAuth() {
        one("authkey-without-reqauth", AWS.withKeyConfig(10, AWS.keyConfig(10).withReqAuth(false, 3)));
        assertEquals(List.of(), of("authkey-without-reqauth", AWS.withKeyConfig(10, AWS.keyConfig(10).withReqAuth(true, 3))));
        assertEquals(List.of(), of("authkey-without-reqauth", AWS));
    }

    @Test void ecdhToNextSlot() {
        Finding odd = one("ecdh-next-slot", AWS.withSlotConfig(1, AWS.slotConfig(1).withReadKey(0xF)));
        assertEquals("slot 1", odd.where());
        Finding clear = one("ecdh-next-slot", AWS.withSlotConfig(2, AWS.slotConfig(2).withReadKey(0xF)).withSlotConfig(3, AWS.slotConfig(3).withIsSecret(false)));
        assertEquals("slot 3", clear.where());
        assertEquals(List.of(), of("ecdh-next-slot", AWS.withSlotConfig(2, AWS.slotConfig(2).withReadKey(0xF))));
        assertEquals(List.of(), of("ecdh-next-slot", AWS));
    }

    @Test void everyRuleHasAUniqueIdAndIsTestedHere() throws IOException {
        Set<String> ids = Lint.rules().stream().map(LintRule::id).collect(Collectors.toSet());
        assertEquals(Lint.rules().size(), ids.size());
        String me = Files.readString(Path.of("src/test/java/dev/sesh/atca/config/LintTest.java"));
        for (String id : ids) assertTrue(me.contains("\"" + id + "\""), "no test names rule " + id);
    }

    @Test void errorsComeFirst() {
        List<Finding> f = Lint.run(AWS.withSlotConfig(0, AWS.slotConfig(0).withWriteConfig(0)));
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(Severity.INFO, f.get(f.size() - 1).severity());
    }
}
