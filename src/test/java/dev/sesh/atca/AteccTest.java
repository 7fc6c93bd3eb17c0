package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigCodec;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.testing.SimI2cBoard;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The atca object against the simulated board, on both back ends (issue 7). */
class AteccTest {
    private SimI2cBoard sim;

    private Atecc open(Via via) {
        sim = new SimI2cBoard();
        // No completion refresh after the config set: its background Config.Get would land among the frames counted here.
        sim.board.completionCaches(false);
        if (via == Via.RPC) sim.board.config().set(Map.of("sys.atca.enable", "true"), true);
        sim.gate.plans.clear();
        return new Atecc(sim.board, Optional.of(via));
    }

    @AfterEach void close() { if (sim != null) sim.close(); }

    static ConfigZone aws() throws IOException {
        return ConfigCodec.YAML.decode(Files.readString(Vectors.referenceDir().resolve("atca-aws-test.yaml")), "atca-aws-test.yaml");
    }

    private String serial() { return sim.chip.memory().serial().hex(); }

    @ParameterizedTest @EnumSource(Via.class)
    void theZoneIsReadOncePerSessionAndAgainAfterAChangeFromOutsideTheChipApi(Via via) {
        Atecc a = open(via);
        a.info();
        int sent = sim.sent.size();
        a.locks();
        a.slots();
        a.lint();
        a.target();
        assertEquals(sent, sim.sent.size(), "answered from the session's state: " + sim.sent.subList(sent, sim.sent.size()));
        long epoch = sim.board.chipEpoch();
        sim.board.i2c().write(0x48, dev.sesh.bytes.Bytes.ofHex("0100"));     // a gated write outside the chip API (the sensor's config register)
        assertEquals(epoch + 1, sim.board.chipEpoch());
        a.locks();
        assertTrue(sim.sent.size() > sent + 1, "read again after a change from outside: " + sim.sentMethods());
    }

    @ParameterizedTest @EnumSource(Via.class)
    void anAcceptedLockIsKeptInTheStateWithoutAnotherRead(Via via) throws IOException {
        Atecc a = open(via);
        a.setConfig(aws());
        a.lockConfig();
        assertTrue(a.locks().configLocked());
        assertTrue(a.config().lockState().configLocked(), "the chip agrees");
    }

    @ParameterizedTest @EnumSource(Via.class)
    void infoNamesChipSerialLocksAndHowTheChipWasTold(Via via) {
        ChipInfo info = open(via).info();
        assertEquals("ATECC508A", info.chip());
        assertEquals(0x5000, info.revision());
        assertTrue(info.chipSource().startsWith(via == Via.I2C ? "Info command" : "config bytes 4-7"), info.chipSource());
        assertEquals(serial(), info.serial());
        assertFalse(info.configLocked() || info.dataLocked());
        assertEquals(0x60, info.i2cAddress());
        assertEquals(via.word(), info.via());
        assertEquals("asked for with --via " + via.word(), info.viaReason());
        assertEquals("ATECC508A cfg:open data:open", info.summary());
    }

    @Test
    void defaultBackEndIsTheHostDriverWhenI2cScanFindsTheChip() {
        sim = new SimI2cBoard();
        Atecc a = new Atecc(sim.board, Optional.empty());
        assertEquals("i2c", a.via());
        assertEquals("I2C.Scan found the chip at 0x60", a.viaReason());
    }

    @Test
    void defaultBackEndIsAtcaRpcWhenI2cIsDisabled() {
        sim = new SimI2cBoard(false);
        Atecc a = new Atecc(sim.board, Optional.empty());
        assertEquals("rpc", a.via());
        assertTrue(a.viaReason().startsWith("I2C.Scan failed"), a.viaReason());
    }

    @Test
    void lastStatusNeverAsksTheBoardAndListenersHearEveryRead() {
        Atecc a = open(Via.I2C);
        List<ChipStatus> heard = new java.util.ArrayList<>();
        a.addStatusListener(heard::add);
        assertEquals(Optional.empty(), a.lastStatus());
        a.info();
        sim.sent.clear();
        assertEquals("ATECC508A cfg:open data:open", a.lastStatus().orElseThrow().text());
        assertEquals(new ChipStatus("ATECC508A", false, false), heard.get(heard.size() - 1));
        assertEquals(List.of(), sim.sent);
    }

    @ParameterizedTest @EnumSource(Via.class)
    void awsFlowChipPartWritesTheConfigAndLocksBothZones(Via via) throws IOException {
        Atecc a = open(via);
        ConfigZone wanted = aws();
        ConfigWriteResult w = a.setConfig(wanted);
        assertTrue(w.matches(), w.message());
        Bytes chip = sim.chip.memory().config();
        assertEquals(wanted.bytes().slice(16, 84), chip.slice(16, 84));
        assertEquals(wanted.bytes().slice(88, 128), chip.slice(88, 128));
        Plan write = sim.gate.plans.get(0);
        assertFalse(write.isIrreversible());
        assertTrue(write.changes().stream().anyMatch(c -> c.line().equals("slot 0  WriteConfig  Always -> Encrypt(6)")), write.lines().toString());

        int crc = ConfigZone.of(chip).summaryCrc();
        LockResult lc = a.lockConfig();
        Plan lock = sim.gate.plans.get(1);
        assertTrue(lock.isIrreversible());
        assertEquals("lock config " + serial().substring(12, 16), lock.phrase());
        if (via == Via.I2C) {
            assertEquals(Change.Lock.config(crc), lock.changes().get(0));
            assertEquals(String.format("config zone locked (CRC 0x%04X accepted by the chip)", crc), lc.message());
        } else {
            assertTrue(lock.notes().get(0).startsWith("ATCA.LockZone carries no CRC"), lock.notes().toString());
            assertTrue(lc.message().contains("ATCA.LockZone carries no CRC"), lc.message());
        }
        LockResult ld = a.lockData();
        assertFalse(ld.alreadyLocked());
        assertEquals("lock data " + serial().substring(12, 16), sim.gate.plans.get(2).phrase());
        assertTrue(sim.chip.memory().configLocked() && sim.chip.memory().dataLocked());
        assertEquals("ATECC508A cfg:locked data:locked", a.lastStatus().orElseThrow().text());
    }

    @ParameterizedTest @EnumSource(Via.class)
    void lockConfigIsRefusedWhenPreviewCrcNoLongerMatches(Via via) throws IOException {
        Atecc a = open(via);
        Atecc meddler = new Atecc(sim.board, Optional.of(Via.I2C));
        Bytes changed = meddler.config().withByte(ConfigZone.I2C_ADDRESS, 0xC2).bytes();
        sim.gate.beforeAction = () -> meddler.backend().writeConfig(changed);
        SeshException e = assertThrows(SeshException.class, a::lockConfig);
        assertFalse(sim.chip.memory().configLocked(), "nothing was locked");
        if (via == Via.I2C) {
            ChipStatusException c = (ChipStatusException) e;
            assertEquals("the chip refused the config lock (chip status 0x0F, execution error)", c.getMessage());
            assertTrue(c.hint().startsWith("the config zone no longer matches the preview"), c.hint());
        } else {
            assertEquals("the config zone changed since the preview: nothing was locked", e.getMessage());
        }
    }

    @ParameterizedTest @EnumSource(Via.class)
    void lockingAnAlreadyLockedZoneReportsAlreadyLockedAndSendsNothing(Via via) {
        Atecc a = open(via);
        a.lockConfig();
        int plans = sim.gate.plans.size();
        LockResult again = a.lockConfig();
        assertTrue(again.alreadyLocked());
        assertEquals("config zone: already locked", again.message());
        assertEquals(plans, sim.gate.plans.size(), "no plan, nothing sent");
    }

    @ParameterizedTest @EnumSource(Via.class)
    void configSetIsRefusedAfterTheConfigLockWithOneClearLine(Via via) throws IOException {
        Atecc a = open(via);
        a.lockConfig();
        int plans = sim.gate.plans.size();
        SeshException e = assertThrows(SeshException.class, () -> a.setConfig(aws()));
        assertEquals("the config zone of ATECC508A S/N " + serial() + " is locked: it can never be written again", e.getMessage());
        assertEquals(plans, sim.gate.plans.size());
    }

    @Test
    void dataLockBeforeConfigLockIsRefusedBeforeAnythingIsSent() {
        Atecc a = open(Via.I2C);
        SeshException e = assertThrows(SeshException.class, a::lockData);
        assertEquals("the data zone can be locked only after the config zone", e.getMessage());
        assertTrue(sim.gate.plans.isEmpty());
    }

    @ParameterizedTest @EnumSource(Via.class)
    void chipRefusalIsOneLineWithTheReasonFromTheConfig(Via via) throws IOException {
        Atecc a = open(via);
        a.setConfig(aws());
        ChipStatusException e = assertThrows(ChipStatusException.class,
                () -> a.chip(ChipOp.SIGN, 0, false, () -> a.backend().sign(0, Bytes.of(new byte[32]))));
        assertEquals("slot 0 refused the signature (chip status 0x0F, execution error)", e.getMessage());
        assertEquals("Sign works only after both zones are locked (atca lock config, atca lock data)", e.hint());
    }

    @Test
    void declinedLockSendsNothing() {
        Atecc a = open(Via.I2C);
        sim.gate.approve = false;
        assertThrows(SeshException.class, a::lockConfig);
        assertFalse(sim.chip.memory().configLocked());
    }
}
