package dev.sesh.atca.driver;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtcaDriverTest {
    private static final CommandPacket INFO = new CommandPacket(Opcode.INFO, 0, 0);
    private static final String INFO_GROUP = "073000000003 5d";
    private static final String INFO_508A = "0700005000 0391";

    private final VirtualClock clock = new VirtualClock();
    private final ScriptedPort port = new ScriptedPort();
    private AtcaDriver driver = new AtcaDriver(port, clock, DriverOptions.firmware());

    @Test void commandRoundTripIsWakeCommandPollIdle() {
        port.wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        assertEquals(Bytes.ofHex("00005000"), driver.execute(INFO, 7));
        port.done();
    }

    @Test void wakeWaitsTwhiBeforeReadingTheWakeAnswer() {
        port.wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        driver.execute(INFO, 7);
        // 1.5 ms wake delay + 1 ms before the first poll (firmware pacing, scripted port costs no time)
        assertEquals(2_500_000L, clock.nanos());
    }

    @Test void pollsWhileTheChipNacksItsAddress() {
        port.wake().cmd(INFO_GROUP).nack(0x60, 7).nack(0x60, 7).nack(0x60, 7).read(0x60, 7, INFO_508A).idle();
        driver.execute(INFO, 7);
        port.done();
        assertEquals(2_500_000L + 3 * 2_000_000L, clock.nanos());
    }

    @Test void hostPacingWaitsTheMaximumExecutionTimeFirst() {
        driver = new AtcaDriver(port, clock, DriverOptions.host());
        driver.setChip(Variant.ATECC508A, 0);
        port.wake().cmd("0740040000 8387")
                .read(0x60, 67, "04000340").idle();
        driver.execute(new CommandPacket(Opcode.GENKEY, 0x04, 0), 67);
        port.done();
        assertEquals(1_500_000L + 115_000_000L, clock.nanos());
    }

    @Test void overALinkTheChipStaysAwakeSoACommandIsTwoTransfers() {
        driver = new AtcaDriver(port, clock, DriverOptions.overLink());
        driver.setChip(Variant.ATECC508A, 0);
        port.idle().wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A)
                .cmd(INFO_GROUP).read(0x60, 7, INFO_508A)
                .cmd(INFO_GROUP).read(0x60, 7, INFO_508A);
        for (int i = 0; i < 3; i++) driver.execute(INFO, 7);
        port.done();
    }

    @Test void overALinkTheChipIsIdledAndWokenBeforeTheWatchdogMinimum() {
        // 0.7 s minimum watchdog - 150 ms margin: a command 0.55 s after the wake gets a fresh period.
        twoInfosWithAFreshWakeBetween(() -> clock.advanceMillis(548));
    }

    /** Info, then {@code between}, then Info again after an idle and a new wake. */
    private void twoInfosWithAFreshWakeBetween(Runnable between) {
        driver = new AtcaDriver(port, clock, DriverOptions.overLink());
        driver.setChip(Variant.ATECC508A, 0);
        port.idle().wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A)
                .idle().wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A);
        driver.execute(INFO, 7);
        driver.session(d -> {
            between.run();
            return d.execute(INFO, 7);
        });
        port.done();
    }

    @Test void overALinkAnErrorStillIdlesTheChip() {
        driver = new AtcaDriver(port, clock, DriverOptions.overLink());
        driver.setChip(Variant.ATECC508A, 0);
        port.idle().wake().cmd(INFO_GROUP).read(0x60, 7, "04ff0142").idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A)
            .cmd(INFO_GROUP).read(0x60, 7, INFO_508A);
        driver.execute(INFO, 7);
        driver.execute(INFO, 7);
        port.done();
    }

    @Test void overALinkAChangeStartsFromAFreshWake() { twoInfosWithAFreshWakeBetween(() -> driver.startFresh()); }

    /**
     * The start of a lock hold on a chip this driver did not leave awake (first use, or a scan or
     * another host may have woken it since): idle first, so the wake starts a fresh watchdog period
     * (a wake pulse to an awake chip keeps the old one). Within a hold, after its own idle, no second one.
     */
    @Test void overALinkAHoldThatFindsTheChipNotLeftAwakeIdlesItBeforeTheWake() {
        driver = new AtcaDriver(port, clock, DriverOptions.overLink());
        driver.setChip(Variant.ATECC508A, 0);
        port.idle().wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle()
            .idle().wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A);
        driver.execute(INFO, 7);
        driver.idle();
        driver.execute(INFO, 7);
        port.done();
    }

    @Test void startFreshOnAChipNotLeftAwakeSendsNothing() {
        driver.startFresh();
        port.done();
    }

    @Test void shortStatusAnswerIsTakenByItsCountByte() {
        port.wake().cmd(INFO_GROUP).read(0x60, 35, "04000340ffffffff").idle();
        assertTrue(driver.transact(INFO, 35).ok());
        port.done();
    }

    @Test void responseCrcErrorIsRetriedFromTheWake() {
        port.wake().cmd(INFO_GROUP).read(0x60, 7, "0700005000 0392").idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        assertEquals(Bytes.ofHex("00005000"), driver.execute(INFO, 7));
        port.done();
    }

    @Test void hostRereadsAGarbledAnswerAfterAResetInsteadOfResending() {
        driver = new AtcaDriver(port, clock, DriverOptions.host());
        // A PrivWrite whose answer came back garbled over the link: the chip did it, so resending
        // (TempKey already used) would fail. The host reads the output buffer again instead.
        port.wake().cmd(INFO_GROUP).read(0x60, 7, "ff00005000 0391").write(0x60, "00", true).read(0x60, 7, INFO_508A).idle();
        assertEquals(Bytes.ofHex("00005000"), driver.execute(INFO, 7));
        port.done();
    }

    @Test void hostResendsWhenTheRereadsDoNotCheckEither() {
        driver = new AtcaDriver(port, clock, DriverOptions.host());
        port.wake().cmd(INFO_GROUP).read(0x60, 7, "0700005000 0392")
                .write(0x60, "00", true).read(0x60, 7, "0700005000 0392")
                .write(0x60, "00", true).read(0x60, 7, "0700005000 0392").idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        assertEquals(Bytes.ofHex("00005000"), driver.execute(INFO, 7));
        port.done();
    }

    @Test void chipCrcComplaintIsResent() {
        port.wake().cmd(INFO_GROUP).read(0x60, 7, "04ff0142").idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        driver.execute(INFO, 7);
        port.done();
    }

    @Test void watchdogAnswerIdlesAndRetries() {
        port.wake().cmd(INFO_GROUP).read(0x60, 7, "04ee3141").idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        driver.execute(INFO, 7);
        port.done();
    }

    @Test void nackedCommandWriteWakesAndResends() {
        port.wake().write(0x60, "03" + INFO_GROUP, false).idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        driver.execute(INFO, 7);
        port.done();
    }

    @Test void persistentCrcErrorsFailWithRxCrcStatusAfterThreeAttempts() {
        for (int i = 0; i < 3; i++) port.wake().cmd(INFO_GROUP).read(0x60, 7, "0700005000 0000").idle();
        AtcaException e = assertThrows(AtcaException.class, () -> driver.execute(INFO, 7));
        assertEquals(0xE5, e.hostStatus());
        assertTrue(e.chipStatus().isEmpty());
        port.done();
    }

    @Test void executionErrorIsNotRetriedAndCarriesTheHostCode() {
        port.wake().cmd(INFO_GROUP).read(0x60, 7, "040f2342").idle();
        AtcaException e = assertThrows(AtcaException.class, () -> driver.execute(INFO, 7));
        assertEquals(0xF4, e.hostStatus());
        assertEquals(StatusCode.EXECUTION_ERROR, e.chipStatus().orElseThrow());
        assertTrue(e.getMessage().contains("INFO"));
        port.done();
    }

    @Test void transactReturnsNonZeroStatusWithoutThrowing() {
        port.wake().cmd(INFO_GROUP).read(0x60, 7, "040100c3").idle();
        assertEquals(StatusCode.MISCOMPARE, driver.transact(INFO, 7).status().orElseThrow());
    }

    @Test void staleOutputOfAnAwakeChipIsIdledBeforeWakingAgain() {
        port.write(0, "00", false).read(0x60, 4, "04000340").idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        driver.execute(INFO, 7);
        port.done();
    }

    @Test void chipThatNeverWakesFailsWithWakeFailed() {
        for (int i = 0; i < 3; i++) port.write(0, "00", false).nack(0x60, 4);
        AtcaException e = assertThrows(AtcaException.class, () -> driver.execute(INFO, 7));
        assertEquals(0xD0, e.hostStatus());
        port.done();
    }

    @Test void pollGivesUpAfterTheTimeoutWithNoResponse() {
        port.wake().cmd(INFO_GROUP);
        // first poll at 1 ms, then every 2 ms up to 2.5 s: 1 + 1250 reads
        for (int i = 0; i < 1251; i++) port.nack(0x60, 7);
        port.idle();
        AtcaException e = assertThrows(AtcaException.class, () -> driver.execute(INFO, 7));
        assertEquals(0xE7, e.hostStatus());
        port.done();
    }

    @Test void identifyReadsConfigBlockZeroThenInfo() {
        String block0 = "01235 2aa00005000d1bbf378eec0010 0c000550087648764876487648f0f8f8f".replace(" ", "");
        port.wake().cmd("0702800000 09ad").read(0x60, 35, "23" + block0 + "ea61").idle()
            .wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        ChipIdentity id = driver.identify();
        assertEquals(Variant.ATECC508A, id.variant());
        assertEquals(0x5000, id.revision());
        assertEquals(Bytes.ofHex("0123 52aa d1bbf378ee"), id.serial());
        assertEquals(0x00, id.chipMode());
        assertEquals(Variant.ATECC508A, driver.variant());
        port.done();
    }

    @Test void sessionKeepsAnotherCallersCommandOutOfTheSequence() throws Exception {
        for (int i = 0; i < 3; i++) port.wake().cmd(INFO_GROUP).read(0x60, 7, INFO_508A).idle();
        Thread other = new Thread(() -> driver.execute(INFO, 7), "other");
        Thread.currentThread().setName("main");
        driver.session(d -> {
            d.execute(INFO, 7);
            other.start();
            while (other.getState() != Thread.State.WAITING) Thread.onSpinWait();
            return d.execute(INFO, 7);
        });
        other.join();
        List<String> t = port.transcript;
        assertEquals(15, t.size());
        assertTrue(t.subList(0, 10).stream().allMatch(s -> s.startsWith("main ")));
        assertTrue(t.subList(10, 15).stream().allMatch(s -> s.startsWith("other ")));
        port.done();
    }

    @Test void idleAndSleepAreWordAddressWrites() {
        port.write(0x60, "02", true).write(0x60, "01", false);
        assertTrue(driver.idle());
        assertFalse(driver.sleep());
        port.done();
    }
}
