package dev.sesh.sim.chip;

import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Info;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.Pause;
import dev.sesh.atca.command.Random;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.UpdateExtra;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chip as the I2C bus sees it: captures atca_* and i2c_scan_chip_awake in reference/mos-captures. */
class AteccChipBusTest {
    final ChipHarness h = new ChipHarness(Variant.ATECC508A);

    @Test
    void readWhileAsleepIsNacked() {
        assertTrue(h.bus.read(0x60, 4).isEmpty());
    }

    @Test
    void wakePulseToAddressZeroAnswersWakeStatus() {
        assertFalse(h.bus.write(0, new byte[0]), "nobody ACKs address 0: 503 on the board");
        h.clock.advanceMillis(2);
        assertEquals(Bytes.ofHex("04113343"), Bytes.of(h.bus.read(0x60, 4).orElseThrow()));
    }

    @Test
    void chipIsNotReadyBeforeWakeHighTime() {
        h.bus.write(0, new byte[0]);
        assertTrue(h.bus.read(0x60, 4).isEmpty());
    }

    @Test
    void wakeWhileAwakeAnswersTheWakeStatusAgain() {
        h.wake();
        h.sendAwake(Info.revision().toPacket());
        h.bus.write(0, new byte[0]);
        assertEquals(Bytes.ofHex("04113343"), Bytes.of(h.bus.read(0x60, 4).orElseThrow()), "cryptoauthlib's teardown wakes an awake chip");
        h.sendAwake(Info.revision().toPacket());
        assertEquals(AteccChip.PowerState.AWAKE, h.chip.state(), "the chip stayed awake: no tWHI wait needed");
    }

    @Test
    void transferToAddressFourIsTooShortToWake() {
        h.bus.write(4, new byte[0]);
        h.clock.advanceMillis(2);
        assertTrue(h.bus.read(0x60, 4).isEmpty());
    }

    @Test
    void transferToAddressZeroAt400kHzIsTooShortToWake() {
        h.bus.setFreqHz(400_000);
        h.bus.write(0, new byte[0]);
        h.clock.advanceMillis(2);
        assertTrue(h.bus.read(0x60, 4).isEmpty());
    }

    @Test
    void scanWakesSleepingChipAndFindsIt() {
        assertEquals(List.of(0x60), h.bus.scan());
    }

    @Test
    void sleepWordAddressSleepsAndLosesTempKey() {
        h.wake();
        h.sendAwake(Nonce.passThrough(Bytes.of(new byte[32])).toPacket());
        assertTrue(h.chip.tempKey().valid());
        assertTrue(h.bus.write(0x60, new byte[] {1}));
        assertTrue(h.bus.read(0x60, 4).isEmpty());
        assertFalse(h.chip.tempKey().valid());
    }

    @Test
    void idleWordAddressKeepsTempKey() {
        h.wake();
        h.sendAwake(Nonce.passThrough(Bytes.of(new byte[32])).toPacket());
        h.bus.write(0x60, new byte[] {2});
        assertTrue(h.bus.read(0x60, 4).isEmpty(), "idle chip NACKs");
        assertEquals(Bytes.ofHex("04113343"), h.wake());
        assertTrue(h.chip.tempKey().valid());
    }

    @Test
    void watchdogSleepsChipAfter1300msAndLosesTempKey() {
        h.wake();
        h.sendAwake(Nonce.passThrough(Bytes.of(new byte[32])).toPacket());
        h.clock.advanceMillis(1200);
        assertEquals(AteccChip.PowerState.AWAKE, h.chip.state());
        h.clock.advanceMillis(100);
        assertEquals(AteccChip.PowerState.ASLEEP, h.chip.state());
        assertFalse(h.chip.tempKey().valid());
    }

    @Test
    void chipModeBit2GivesThirteenSecondWatchdog() {
        h.ok(new Write(Address.config(0, 4), false, Bytes.ofHex("c0005504"), java.util.Optional.empty()));
        h.wake();
        h.clock.advanceMillis(12_000);
        assertEquals(AteccChip.PowerState.AWAKE, h.chip.state());
        h.clock.advanceMillis(1_000);
        assertEquals(AteccChip.PowerState.ASLEEP, h.chip.state());
    }

    @Test
    void chipNacksItsAddressWhileExecuting() {
        h.wake();
        byte[] g = new Random(0).toPacket().encode().toArray();
        byte[] w = new byte[g.length + 1];
        w[0] = 3;
        System.arraycopy(g, 0, w, 1, g.length);
        assertTrue(h.bus.write(0x60, w));
        assertTrue(h.bus.read(0x60, 35).isEmpty(), "busy for Random's 23 ms");
        h.clock.advanceMillis(23);
        assertEquals(35, h.bus.read(0x60, 35).orElseThrow()[0]);
    }

    @Test
    void commandTooCloseToWatchdogAnswersWatchdogStatusWithoutExecuting() {
        h.wake();
        h.clock.advanceMillis(1290);
        assertTrue(h.bus.write(0x60, with3(Nonce.passThrough(Bytes.of(new byte[32])).toPacket())));
        assertEquals(Bytes.ofHex("04ee3141"), Bytes.of(h.bus.read(0x60, 4).orElseThrow()), "answered at once, not after 29 ms");
        assertFalse(h.chip.tempKey().valid());
    }

    @Test
    void badCrcAnswersCommunicationErrorAndExecutesNothing() {
        h.wake();
        byte[] g = Nonce.passThrough(Bytes.of(new byte[32])).toPacket().encode().toArray();
        g[g.length - 1] ^= 1;
        byte[] w = new byte[g.length + 1];
        w[0] = 3;
        System.arraycopy(g, 0, w, 1, g.length);
        h.bus.write(0x60, new byte[] {0});
        h.bus.write(0x60, w);
        assertEquals(Bytes.ofHex("04ff0142"), Bytes.of(h.bus.read(0x60, 4).orElseThrow()));
        assertFalse(h.chip.tempKey().valid());
    }

    @Test
    void resetWordAddressRereadsTheAnswer() {
        h.wake();
        ResponsePacket first = h.sendAwake(Info.revision().toPacket());
        h.bus.write(0x60, new byte[] {0});
        assertEquals(first.encode(), Bytes.of(h.bus.read(0x60, 7).orElseThrow()));
    }

    @Test
    void readsContinueWhereThePreviousReadStopped() {
        h.wake();
        h.sendAwake(Info.revision().toPacket());
        h.bus.write(0x60, new byte[] {0});
        assertEquals(Bytes.ofHex("07"), Bytes.of(h.bus.read(0x60, 1).orElseThrow()));
        assertEquals(Bytes.ofHex("0000500003 91".replace(" ", "")), Bytes.of(h.bus.read(0x60, 6).orElseThrow()));
        assertEquals(Bytes.ofHex("ff"), Bytes.of(h.bus.read(0x60, 1).orElseThrow()), "past the end reads 0xFF");
    }

    @Test
    void commandSplitOverTwoWritesRunsWhenCountBytesArrived() {
        h.wake();
        byte[] g = Info.revision().toPacket().encode().toArray();
        h.bus.write(0x60, new byte[] {3, g[0], g[1], g[2]});
        h.bus.write(0x60, new byte[] {3, g[3], g[4], g[5], g[6]});
        h.clock.advanceMillis(2);
        assertEquals(Bytes.ofHex("0700005000 0391".replace(" ", "")), Bytes.of(h.bus.read(0x60, 7).orElseThrow()));
    }

    @Test
    void reservedWordAddressIsNacked() {
        h.wake();
        assertFalse(h.bus.write(0x60, new byte[] {4}));
    }

    @Test
    void impossibleCountAnswersCommunicationError() {
        h.wake();
        h.bus.write(0x60, new byte[] {3, 2});
        assertEquals(Bytes.ofHex("04ff0142"), Bytes.of(h.bus.read(0x60, 4).orElseThrow()));
    }

    @Test
    void configByte16AddressTakesEffectAfterSleepNotBefore() {
        h.ok(new Write(Address.config(0, 4), false, Bytes.ofHex("b0005500"), java.util.Optional.empty()));
        h.wake();
        assertTrue(h.bus.write(0x60, new byte[] {1}), "still 0x60 until it sleeps");
        h.bus.write(0, new byte[0]);
        h.clock.advanceMillis(2);
        assertTrue(h.bus.read(0x60, 4).isEmpty());
        assertEquals(Bytes.ofHex("04113343"), Bytes.of(h.bus.read(0x58, 4).orElseThrow()));
    }

    @Test
    void pauseWithOtherSelectorIdlesTheChip() {
        h.wake();
        assertTrue(h.bus.write(0x60, with3(new Pause(0x12).toPacket())));
        h.clock.advanceMillis(3);
        assertTrue(h.bus.read(0x60, 4).isEmpty());
        assertEquals(AteccChip.PowerState.IDLE, h.chip.state());
    }

    @Test
    void pauseWithMatchingSelectorAnswersSuccess() {
        h.ok(UpdateExtra.selector(0x12));
        assertEquals(StatusCode.SUCCESS, h.status(new Pause(0x12)));
    }

    @Test
    void mosCaptureSequenceWakeReadSleepRead() {
        assertTrue(h.bus.read(0x60, 4).isEmpty(), "atca_read_asleep: 503");
        assertFalse(h.bus.write(0, new byte[0]), "atca_wake_pulse: 503");
        h.clock.advanceMillis(2);
        assertEquals(Bytes.ofHex("04113343"), Bytes.of(h.bus.read(0x60, 4).orElseThrow()), "atca_read_after_wake");
        assertTrue(h.bus.write(0x60, new byte[] {1}), "atca_sleep_cmd: null result");
        assertTrue(h.bus.read(0x60, 4).isEmpty(), "atca_read_after_sleep: 503");
    }

    private static byte[] with3(CommandPacket p) {
        byte[] g = p.encode().toArray();
        byte[] w = new byte[g.length + 1];
        w[0] = 3;
        System.arraycopy(g, 0, w, 1, g.length);
        return w;
    }
}
