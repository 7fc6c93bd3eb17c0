package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.sim.chip.AteccChip;
import dev.sesh.sim.i2c.Lm75;
import dev.sesh.testing.SimI2cBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The i2c device object against the simulated board (EEPROM 0x50, LM75 0x48, ATECC 0x60) over RPC. */
class I2cBusTest {
    private final SimI2cBoard sim = new SimI2cBoard();
    private final I2cBus i2c = sim.board.i2c();

    @AfterEach void close() { sim.close(); }

    private static Bytes chipCommand(Opcode op, int p1, int p2) {
        return Bytes.ofInts(0x03).concat(new CommandPacket(op, p1, p2).encode());
    }

    @Test void scanFindsExactlyTheAttachedTargetsAndWakesTheChip() {
        assertEquals(AteccChip.PowerState.ASLEEP, sim.chip.state());
        assertEquals(List.of(), i2c.lastScan());
        assertEquals(List.of(0x48, 0x50, 0x60), i2c.scan());
        assertEquals(List.of(0x48, 0x50, 0x60), i2c.lastScan());
        assertNotEquals(AteccChip.PowerState.ASLEEP, sim.chip.state());
        assertEquals(List.of("I2C.Scan"), sim.sentMethods());
    }

    /**
     * The fault sweep's crash points (issue 22): a host that died had kept the chip awake, and its
     * watchdog fired during the next run's scan, after the first probe (which cannot restart the
     * watchdog of an awake chip) and before the probe of 0x60, so the chip was missing ("no chip
     * answers at 0x60"). The scan wakes the chip and asks once more before leaving it out.
     */
    @Test void aChipWhoseWatchdogFiresDuringTheScanIsStillFound() {
        assertTrue(i2c.wakeChip().isPresent());
        sim.clock.advanceMillis(1_300 - 5);
        assertEquals(AteccChip.PowerState.AWAKE, sim.chip.state());
        sim.sent.clear();
        assertEquals(List.of(0x48, 0x50, 0x60), i2c.scan());
        assertEquals(List.of("I2C.Scan", "I2C.Write", "I2C.Read"), sim.sentMethods());
    }

    @Test void boardKeepsOneBusSoTheLastScanSurvivesForCompletion() {
        i2c.scan();
        assertEquals(List.of(0x48, 0x50, 0x60), sim.board.i2c().lastScan());
    }

    @Test void eepromWriteThenReadBack() {
        i2c.write(0x50, Bytes.ofHex("10deadbeef"));
        sim.clock.advanceMillis(6);                   // the 24C02's write cycle
        i2c.write(0x50, Bytes.ofHex("10"));           // pointer only
        assertEquals(Bytes.ofHex("deadbeef"), i2c.read(0x50, 4));
        assertEquals(0xad, i2c.readReg(0x50, 0x11, RegWidth.BYTE));
        assertEquals(0xbeef, i2c.readReg(0x50, 0x12, "w"));
        assertEquals(2, sim.gate.plans.size());
    }

    @Test void eepromNacksDuringItsWriteCycle() {
        i2c.write(0x50, Bytes.ofHex("0001"));
        I2cNackException e = assertThrows(I2cNackException.class, () -> i2c.read(0x50, 1));
        assertEquals(0x50, e.address());
        assertTrue(e.getMessage().contains("nothing answered at 0x50"), e.getMessage());
        assertTrue(e.hint().contains("after a write"), e.hint());
    }

    @Test void writeIsAReversiblePlanShowingTheBytes() {
        i2c.write(0x50, Bytes.ofHex("00cafe"));
        Plan p = sim.gate.plans.get(0);
        assertTrue(!p.isIrreversible());
        Change.I2cWrite c = assertInstanceOf(Change.I2cWrite.class, p.changes().get(0));
        assertEquals(0x50, c.address());
        assertTrue(c.line().contains("00cafe"), c.line());
    }

    @Test void declinedWriteSendsNothing() {
        sim.gate.approve = false;
        SeshException e = assertThrows(SeshException.class, () -> i2c.write(0x50, Bytes.ofHex("0042")));
        assertEquals(SeshException.DECLINED, e.exitCode());
        assertEquals(List.of(), sim.sentMethods());
        sim.gate.approve = true;
        assertEquals(0x00, i2c.readReg(0x50, 0, RegWidth.BYTE), "factory fill 00..ff unchanged");
    }

    @Test void sensorRegistersReadAndWriteAsWords() {
        assertEquals(0x1900, i2c.readReg(0x48, Lm75.TEMP, RegWidth.WORD));
        assertEquals(0x5000, i2c.readReg(0x48, Lm75.TOS, RegWidth.WORD));
        i2c.writeReg(0x48, Lm75.TOS, 0x4b80, RegWidth.WORD);
        assertEquals(0x4b80, sim.sensor.register(Lm75.TOS));
        assertEquals(0x4b80, i2c.readReg(0x48, Lm75.TOS, RegWidth.WORD));
        i2c.writeReg(0x48, Lm75.CONFIG, 0x02, "b");
        assertEquals(0x02, i2c.readReg(0x48, Lm75.CONFIG, RegWidth.BYTE));
        assertEquals(List.of("I2C.ReadRegW", "I2C.ReadRegW", "I2C.WriteRegW", "I2C.ReadRegW", "I2C.WriteRegB", "I2C.ReadRegB"), sim.sentMethods());
    }

    @Test void registerWritePlanShowsTheBytesOnTheWire() {
        i2c.writeReg(0x48, 3, 0x4b00, RegWidth.WORD);
        assertTrue(sim.gate.plans.get(0).changes().get(0).line().contains("034b00"), sim.gate.plans.get(0).lines().toString());
    }

    @Test void dumpReadsEachRegisterWithReadRegB() {
        Bytes regs = i2c.dump(0x50);
        assertEquals(256, regs.length());
        for (int i = 0; i < 256; i++) assertEquals(i, regs.get(i));
        assertEquals(256, sim.sentMethods().stream().filter("I2C.ReadRegB"::equals).count());
    }

    @Test void dumpOfASilentAddressNamesTheAddress() {
        I2cNackException e = assertThrows(I2cNackException.class, () -> i2c.dump(0x33));
        assertEquals("nothing answered at 0x33 (I2C.ReadRegB: NACK)", e.getMessage());
        assertTrue(sim.sentMethods().size() <= 2, "stops after the first NACKs: " + sim.sentMethods());
    }

    @Test void handWrittenLockPacketToTheChipIsIrreversibleAndDeclinedSendsNothing() {
        sim.gate.approve = false;
        assertThrows(SeshException.class, () -> i2c.write(0x60, chipCommand(Opcode.LOCK, 0x80, 0)));
        Plan p = sim.gate.plans.get(0);
        assertTrue(p.isIrreversible(), p.lines().toString());
        assertTrue(p.lines().get(0).contains("Lock"), p.lines().toString());
        assertEquals(List.of(), sim.sentMethods());
        assertTrue(!sim.chip.memory().configLocked());
    }

    @Test void chipCommandThatWritesIsAReversibleChange() {
        sim.gate.approve = false;
        Bytes write = Bytes.ofInts(0x03).concat(new CommandPacket(Opcode.WRITE, 0x00, 0x0004, Bytes.ofHex("01020304")).encode());
        assertThrows(SeshException.class, () -> i2c.write(0x60, write));
        Plan p = sim.gate.plans.get(0);
        assertTrue(!p.isIrreversible());
        assertTrue(p.lines().get(0).contains("not shown"), "chip data bytes hidden: " + p.lines());
    }

    @Test void idleWordToTheChipNeedsNoPlan() {
        assertEquals(Optional.of(Bytes.ofHex("04113343")), i2c.wakeChip());
        i2c.write(0x60, Bytes.ofHex("02"));
        assertEquals(List.of(), sim.gate.plans);
        assertEquals(AteccChip.PowerState.IDLE, sim.chip.state());
    }

    @Test void sleepingChipNacksWithTheWakeHint() {
        I2cNackException e = assertThrows(I2cNackException.class, () -> i2c.read(0x60, 4));
        assertEquals(0x60, e.address());
        assertTrue(e.hint().contains("i2c wake"), e.hint());
        assertEquals(SeshException.FAILED, e.exitCode());
    }

    @Test void wakeChipGetsTheWakeAnswer() {
        assertEquals(Optional.of(Bytes.ofHex("04113343")), i2c.wakeChip());
        assertEquals(List.of("I2C.Write", "I2C.Read"), sim.sentMethods());
        assertTrue(sim.sent.get(0).contains("\"addr\":0"), sim.sent.get(0));
    }

    @Test void emptyAddressNacksWithTheScanHint() {
        I2cNackException e = assertThrows(I2cNackException.class, () -> i2c.readReg(0x33, 0, RegWidth.BYTE));
        assertTrue(e.getMessage().contains("0x33"), e.getMessage());
        assertTrue(e.hint().contains("i2c scan"), e.hint());
    }

    @Test void rawTransfersMapNackToAnAnswerAndSkipTheGate() {
        assertEquals(false, i2c.rawWrite(0x33, Bytes.ofHex("00")));
        assertEquals(Optional.empty(), i2c.rawRead(0x33, 2));
        assertEquals(false, i2c.rawWrite(0x00, Bytes.EMPTY));
        assertEquals(true, i2c.rawWrite(0x50, Bytes.ofHex("00")));
        assertEquals(List.of(), sim.gate.plans);
    }

    @Test void disabledBusSaysHowToEnableIt() {
        try (SimI2cBoard off = new SimI2cBoard(false)) {
            SeshException e = assertThrows(SeshException.class, () -> off.board.i2c().scan());
            assertTrue(e.getMessage().contains("I2C is disabled"), e.getMessage());
            assertTrue(e.hint().contains("config set i2c.enable=true"), e.hint());
            assertTrue(e.hint().contains("reboot"), e.hint());
            assertThrows(SeshException.class, () -> off.board.i2c().rawRead(0x60, 4), "disabled is not a NACK");
        }
    }

    @Test void badArgumentsAreRefusedBeforeAnythingIsSent() {
        List<Executable> bad = List.of(
                () -> i2c.read(0x50, 0),
                () -> i2c.read(0x50, 4097),
                () -> i2c.read(0x07, 1),
                () -> i2c.read(0x78, 1),
                () -> i2c.write(0x50, Bytes.EMPTY),
                () -> i2c.write(0x50, Bytes.of(new byte[I2cArgs.MAX_WRITE + 1])),
                () -> i2c.write(0x50, "abc"),
                () -> i2c.write(0x50, "zz"),
                () -> i2c.readReg(0x48, 0x100, RegWidth.BYTE),
                () -> i2c.readReg(0x48, -1, RegWidth.BYTE),
                () -> i2c.writeReg(0x48, 1, 0x100, RegWidth.BYTE),
                () -> i2c.writeReg(0x48, 1, 0x10000, RegWidth.WORD),
                () -> i2c.writeReg(0x48, 1, -1, RegWidth.WORD),
                () -> i2c.readReg(0x48, 1, "q"),
                () -> i2c.dump(0x80),
                () -> i2c.rawRead(0x80, 1));
        for (Executable e : bad) {
            SeshException x = assertThrows(SeshException.class, e);
            assertEquals(SeshException.USAGE, x.exitCode(), x.getMessage());
            assertTrue(!x.hint().isEmpty(), x.getMessage());
        }
        assertEquals(List.of(), sim.sentMethods());
        assertEquals(List.of(), sim.gate.plans);
    }
}
