package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Counter;
import dev.sesh.atca.command.Info;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Random;
import dev.sesh.atca.command.Read;
import dev.sesh.atca.command.UpdateExtra;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Crc16;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Zones, locks, Read/Write, UpdateExtra, Counter, Info, Random: one test per rule (reference/atecc.md 3-6, 11). */
class ZoneRulesTest {
    static final Bytes B32 = Bytes.ofHex("11".repeat(32));

    static Write word(int offset, String hex) { return new Write(Address.configByte(offset), false, Bytes.ofHex(hex), Optional.empty()); }

    @Test
    void factoryNewChipHasUniqueSerialAndUnlockedZones() {
        ChipMemory a = ChipMemory.factoryNew(Variant.ATECC508A, 1), b = ChipMemory.factoryNew(Variant.ATECC508A, 2);
        assertNotEquals(a.serial(), b.serial());
        assertEquals(a.serial(), ChipMemory.factoryNew(Variant.ATECC508A, 1).serial(), "same seed, same serial");
        assertEquals("0123", a.serial().hex().substring(0, 4));
        assertEquals("ee", a.serial().hex().substring(16));
        assertEquals(Bytes.ofHex("00005555ffff"), a.config().slice(84, 90));
        assertFalse(a.configLocked() || a.dataLocked());
    }

    @Test
    void infoRevisionTellsTheVariants() {
        assertEquals(Bytes.ofHex("00005000"), new ChipHarness(Variant.ATECC508A).data(Info.revision()));
        assertEquals(Bytes.ofHex("00006002"), new ChipHarness(Variant.ATECC608A).data(Info.revision()));
    }

    @Test
    void randomBeforeConfigLockIsTheFixedPattern() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        assertEquals(crcVector("Idle-state Random response before config lock"), h.send(new Random(0)).encode());
    }

    static Bytes crcVector(String name) {
        for (var v : Vectors.at("crc16")) if (v.get("name").asText().equals(name)) return Bytes.ofHex(v.get("wire").asText());
        throw new AssertionError("no crc16 vector " + name);
    }

    @Test
    void randomAfterConfigLockIsNotThePattern() {
        Bytes r = AwsStages.configLocked(Variant.ATECC508A).data(new Random(0));
        assertNotEquals(Bytes.ofHex("ffff0000".repeat(8)), r);
    }

    @Test
    void unknownOpcodeIsParseError() {
        assertEquals(PARSE_ERROR, new ChipHarness(Variant.ATECC508A).send(new CommandPacket(0x99, 0, 0, Bytes.EMPTY)).status().orElseThrow());
    }

    @Test
    void aesOn508aIsParseError() {
        assertEquals(PARSE_ERROR, new ChipHarness(Variant.ATECC508A).send(new CommandPacket(Opcode.AES, 0, 0, Bytes.of(new byte[16]))).status().orElseThrow());
    }

    @Test
    void wrongDataLengthIsParseError() {
        assertEquals(PARSE_ERROR, new ChipHarness(Variant.ATECC508A).send(new CommandPacket(Opcode.READ, 0, 0, Bytes.ofHex("00"))).status().orElseThrow());
    }

    @Test
    void configWriteAfterConfigLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configLocked(Variant.ATECC508A).status(word(16, "c0005500")));
    }

    @Test
    void configWriteToSerialBytesIsExecutionError() {
        assertEquals(EXECUTION_ERROR, new ChipHarness(Variant.ATECC508A).status(word(0, "00000000")));
    }

    @Test
    void configWriteToWord21IsExecutionError() {
        assertEquals(EXECUTION_ERROR, new ChipHarness(Variant.ATECC508A).status(word(84, "00000000")));
    }

    @Test
    void thirtyTwoByteConfigWriteOfBlock2IsExecutionError() {
        assertEquals(EXECUTION_ERROR, new ChipHarness(Variant.ATECC508A).status(Write.clear(Address.config(2, 0), B32)));
    }

    @Test
    void dataWriteBeforeConfigLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, new ChipHarness(Variant.ATECC508A).status(Write.clear(Address.data(10, 0, 0), B32)));
    }

    @Test
    void fourByteDataWriteBeforeDataLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configLocked(Variant.ATECC508A).status(Write.clear(Address.data(10, 0, 0), Bytes.ofHex("01020304"))));
    }

    @Test
    void clearWriteBeforeDataLockIgnoresWriteConfig() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        assertEquals(SUCCESS, h.status(Write.clear(Address.data(5, 0, 0), B32)), "slot 5 is WriteConfig Never, but data is unlocked");
    }

    @Test
    void dataReadBeforeDataLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configLocked(Variant.ATECC508A).status(new Read(Address.data(10, 0, 0), true)));
    }

    @Test
    void otpReadBeforeDataLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configLocked(Variant.ATECC508A).status(new Read(Address.otp(0, 0), true)));
    }

    @Test
    void configIsReadableLockedOrNot() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        assertEquals(4, h.data(new Read(Address.configByte(84), false)).length());
    }

    @Test
    void lockConfigWithStaleCrcLocksNothing() {
        ChipHarness h = AwsStages.configured(Variant.ATECC508A);
        int crc = Crc16.of(h.config());
        h.ok(UpdateExtra.userExtra(0x42));
        assertEquals(EXECUTION_ERROR, h.status(Lock.config(crc)));
        assertFalse(h.mem.configLocked());
        assertEquals(SUCCESS, h.status(Lock.config(Crc16.of(h.config()))));
        assertTrue(h.mem.configLocked());
    }

    @Test
    void lockConfigTwiceIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configLocked(Variant.ATECC508A).status(Lock.configNoCrc()));
    }

    @Test
    void lockDataBeforeConfigIsExecutionError() {
        ChipHarness h = AwsStages.configured(Variant.ATECC508A);
        assertEquals(EXECUTION_ERROR, h.status(Lock.dataNoCrc()));
        assertFalse(h.mem.dataLocked());
    }

    @Test
    void lockDataWithSummaryFollowsTheUnconfirmedSkipPrivateRule() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        Bytes wire = Vectors.hex("data_lock_crc_example", "all_ff_contents_crc_skipping_private");
        int crc = wire.get(0) | wire.get(1) << 8;
        assertEquals(crc, LockHandler.dataSummary(h.mem));
        assertEquals(EXECUTION_ERROR, h.status(Lock.data(crc ^ 1)));
        assertEquals(SUCCESS, h.status(Lock.data(crc)));
        assertEquals(Bytes.ofHex("00000000"), h.config().slice(84, 88));
    }

    @Test
    void slotLockOfNonLockableSlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(Lock.slot(14)));
    }

    @Test
    void slotLockBeforeDataLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configLocked(Variant.ATECC508A).status(Lock.slot(10)));
    }

    @Test
    void slotLockClearsItsSlotLockedBitAndFreezesTheSlot() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.ok(Lock.slot(10));
        assertEquals(Bytes.ofHex("fffb"), h.config().slice(88, 90));
        assertEquals(EXECUTION_ERROR, h.status(Write.clear(Address.data(10, 0, 0), B32)));
        assertEquals(EXECUTION_ERROR, h.status(Lock.slot(10)), "already locked");
    }

    @Test
    void writeToEncryptOnlySlotWithoutMacIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(Write.clear(Address.data(8, 0, 0), B32)));
    }

    @Test
    void encryptedWriteWithWriteKeyTempKeySucceedsAndReadsBackEncrypted() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes tk = AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
        h.ok(EncryptedWrites.write(Address.data(8, 0, 0), B32, tk, h.mem.serial()));
        assertFalse(h.chip.tempKey().valid(), "encrypted write consumes TempKey");
        Bytes tkRead = AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
        assertEquals(B32, EncryptedWrites.xor32(h.data(new Read(Address.data(8, 0, 0), true)), tkRead));
    }

    @Test
    void encryptedWriteWithWrongMacIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes tk = AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
        Write good = EncryptedWrites.write(Address.data(8, 0, 0), B32, tk, h.mem.serial());
        assertEquals(EXECUTION_ERROR, h.status(Write.encrypted(good.address(), good.value(), Bytes.of(new byte[32]))));
        assertEquals(Bytes.ofHex("ff".repeat(32)), h.mem.slot(8).slice(0, 32));
    }

    @Test
    void encryptedWriteWithTempKeyFromAnotherSlotIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes tk = AwsStages.genDig(h, 10, Bytes.ofHex("ff".repeat(32)));
        assertEquals(EXECUTION_ERROR, h.status(EncryptedWrites.write(Address.data(8, 0, 0), B32, tk, h.mem.serial())));
    }

    @Test
    void writeToNeverSlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(Write.clear(Address.data(5, 0, 0), B32)));
    }

    @Test
    void fourByteWriteToSecretSlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(Write.clear(Address.data(4, 0, 0), Bytes.ofHex("01020304"))));
    }

    @Test
    void fourByteWriteToPublicAlwaysSlotSucceeds() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.ok(Write.clear(Address.data(10, 0, 1), Bytes.ofHex("01020304")));
        assertEquals(Bytes.ofHex("01020304"), h.data(new Read(Address.data(10, 0, 1), false)));
    }

    @Test
    void readOfSecretSlotWithoutEncryptReadIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(new Read(Address.data(4, 0, 0), true)));
    }

    @Test
    void readOfPrivateKeySlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(new Read(Address.data(0, 0, 0), true)));
    }

    @Test
    void encryptedReadWithoutGenDigIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(new Read(Address.data(8, 0, 0), true)));
    }

    @Test
    void otpConsumptionModeOnlyClearsBits() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        h.ok(Write.clear(Address.otp(0, 0), Bytes.ofHex("f0".repeat(32))));
        h.ok(Lock.dataNoCrc());
        assertEquals(EXECUTION_ERROR, h.status(Write.clear(Address.otp(0, 0), Bytes.ofHex("ff".repeat(32)))));
        assertEquals(SUCCESS, h.status(Write.clear(Address.otp(0, 0), Bytes.ofHex("30".repeat(32)))));
    }

    @Test
    void updateExtraByte84OnlyWhileZero() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        h.ok(UpdateExtra.userExtra(0));
        h.ok(UpdateExtra.userExtra(0x42));
        assertEquals(EXECUTION_ERROR, h.status(UpdateExtra.userExtra(0x43)));
        assertEquals(0x42, h.config().get(84));
    }

    @Test
    void selectorIsRewritableOn508aWithSelectorModeZero() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        h.ok(UpdateExtra.selector(1));
        h.ok(UpdateExtra.selector(2));
        assertEquals(2, h.config().get(85));
    }

    @Test
    void userExtraAddOn608IsWriteOnce() {
        ChipHarness h = new ChipHarness(Variant.ATECC608A);
        h.ok(UpdateExtra.selector(0xB0));
        assertEquals(EXECUTION_ERROR, h.status(UpdateExtra.selector(0xB2)));
    }

    @Test
    void counterBeforeConfigLockReadsAndIncrementsTheConfigBytes() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        assertEquals(Bytes.ofHex("00000000"), h.data(new Counter(0, 1)));
        assertEquals(Bytes.ofHex("01000000"), h.data(new Counter(1, 1)));
        assertEquals(1, h.mem.counter(1));
    }

    @Test
    void counterIncrementsAndAnswersLittleEndian() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        for (int i = 0; i < 40; i++) h.data(new Counter(1, 1));
        assertEquals(Bytes.ofHex("28000000"), h.data(new Counter(0, 1)));
        assertEquals(Bytes.ofHex("00000000"), h.data(new Counter(0, 0)));
        assertEquals(40, h.mem.counter(1));
    }

    @Test
    void counterEncodingMatchesReferenceFormula() {
        ChipMemory m = ChipMemory.factoryNew(Variant.ATECC508A, 1);
        for (int v : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 1000, CounterHandler.MAX}) {
            m.setCounter(0, v);
            assertEquals(v, m.counter(0));
        }
        m.setCounter(0, 0);
        assertEquals(Bytes.ofHex("ffffffff00000000"), m.config().slice(52, 60));
    }

    @Test
    void counterAtMaximumIsExecutionError() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        h.mem.setCounter(0, CounterHandler.MAX);
        assertEquals(EXECUTION_ERROR, h.status(new Counter(1, 0)));
    }

    @Test
    void savedChipLoadsWithZonesLocksAndKeys() {
        ChipHarness h = AwsFlowTest.provisioned(Variant.ATECC608A);
        ChipMemory back = ChipMemory.load(h.mem.save());
        assertEquals(Variant.ATECC608A, back.variant());
        assertEquals(h.mem.config(), back.config());
        for (int s = 0; s < 16; s++) assertEquals(h.mem.slot(s), back.slot(s));
        assertTrue(back.configLocked() && back.dataLocked());
        assertThrows(IllegalArgumentException.class, () -> ChipMemory.load(new byte[10]));
    }

    @Test
    void eepromChangeIsReportedForPersistence() {
        int[] changes = {0};
        ChipMemory mem = ChipMemory.factoryNew(Variant.ATECC508A, 3);
        dev.sesh.bytes.VirtualClock clock = new dev.sesh.bytes.VirtualClock();
        AteccChip chip = new AteccChip(mem, clock, 1, () -> changes[0]++);
        dev.sesh.sim.i2c.I2cBusModel bus = new dev.sesh.sim.i2c.I2cBusModel(clock, 100_000);
        bus.attach(new AteccI2cTarget(chip));
        bus.write(0, new byte[0]);
        clock.advanceMillis(2);
        byte[] g = UpdateExtra.userExtra(5).toPacket().encode().toArray();
        byte[] w = new byte[g.length + 1];
        w[0] = 3;
        System.arraycopy(g, 0, w, 1, g.length);
        bus.write(0x60, w);
        assertEquals(1, changes[0]);
        clock.advanceMillis(10);
        bus.write(0x60, new byte[] {0});
        assertEquals(Bytes.ofHex("04000340"), Bytes.of(bus.read(0x60, 4).orElseThrow()));
    }
}
