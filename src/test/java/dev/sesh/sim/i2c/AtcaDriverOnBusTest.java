package dev.sesh.sim.i2c;

import dev.sesh.atca.command.Info;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.Random;
import dev.sesh.atca.driver.AtcaDriver;
import dev.sesh.atca.driver.DriverOptions;
import dev.sesh.atca.driver.I2cPort;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.chip.AteccChip;
import dev.sesh.sim.chip.ChipMemory;
import dev.sesh.sim.chip.AteccI2cTarget;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chip driver against the chip model through the simulated bus. */
class AtcaDriverOnBusTest {
    private final VirtualClock clock = new VirtualClock();
    private final I2cBusModel bus = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
    private final AteccChip chip = new AteccChip(ChipMemory.factoryNew(Variant.ATECC508A, 3), clock, 3);
    private final CountingPort port = new CountingPort(new I2cBusPort(bus));

    AtcaDriverOnBusTest() { bus.attach(new AteccI2cTarget(chip)); }

    /** Counts NACKed reads and command writes; can garble the next long answer once. */
    static final class CountingPort implements I2cPort {
        private final I2cPort inner;
        int nackedReads;
        int commandWrites;
        boolean garbleNextAnswer;

        CountingPort(I2cPort inner) { this.inner = inner; }

        @Override public boolean write(int address, byte[] data) {
            if (data.length > 1 && data[0] == AtcaDriver.WA_COMMAND) commandWrites++;
            return inner.write(address, data);
        }

        @Override public Optional<byte[]> read(int address, int len) {
            Optional<byte[]> r = inner.read(address, len);
            if (r.isEmpty()) nackedReads++;
            if (r.isPresent() && len > 4 && garbleNextAnswer) {
                garbleNextAnswer = false;
                r.get()[3] ^= 0x40;
            }
            return r;
        }

        @Override public void wakePulse() { inner.wakePulse(); }
    }

    private AtcaDriver driver(DriverOptions o) { return new AtcaDriver(port, clock, o); }

    @Test void wakesTheSleepingChipRunsInfoAndLeavesItIdle() {
        assertEquals(AteccChip.PowerState.ASLEEP, chip.state());
        assertEquals(Bytes.ofHex("00005000"), driver(DriverOptions.firmware()).execute(Info.revision(), 7));
        assertEquals(AteccChip.PowerState.IDLE, chip.state());
    }

    @Test void firmwarePacingPollsThroughTheExecutionTime() {
        long t0 = clock.nanos();
        driver(DriverOptions.firmware()).execute(new Random(0), 35);
        assertTrue(port.nackedReads >= 10, "NACKed polls: " + port.nackedReads);
        assertTrue(clock.nanos() - t0 >= 23_000_000L);
    }

    @Test void hostPacingWaitsTheExecutionTimeSoTheFirstPollAnswers() {
        AtcaDriver d = driver(DriverOptions.host());
        d.setChip(Variant.ATECC508A, 0);
        d.execute(new Random(0), 35);
        assertEquals(0, port.nackedReads);
    }

    @Test void garbledAnswerIsRetriedAndTheRetrySucceeds() {
        port.garbleNextAnswer = true;
        assertEquals(32, driver(DriverOptions.firmware()).execute(new Random(0), 35).length());
        assertEquals(2, port.commandWrites);
    }

    @Test void chipLeftAwakeWithStaleOutputIsIdledAndWokenAgain() {
        AtcaDriver d = driver(DriverOptions.firmware());
        d.wake();
        assertEquals(Bytes.ofHex("00005000"), d.execute(Info.revision(), 7));
    }

    @Test void tempKeySurvivesTheIdleAfterEachCommandButNotASleep() {
        AtcaDriver d = driver(DriverOptions.firmware());
        Bytes numIn = Bytes.of(new byte[20]);
        Bytes randOut = d.execute(Nonce.random(true, numIn), 35);
        assertTrue(chip.tempKey().valid());
        assertEquals(TempKeyMath.nonce(randOut, numIn, 0, 0), chip.tempKey().first32());
        d.wake();
        assertTrue(d.sleep());
        assertFalse(chip.tempKey().valid());
    }

    @Test void watchdogSleepBetweenCommandsIsHandledByTheNextWake() {
        AtcaDriver d = driver(DriverOptions.firmware());
        d.wake();
        clock.advanceMillis(2_000);
        assertEquals(AteccChip.PowerState.ASLEEP, chip.state());
        assertEquals(Bytes.ofHex("00005000"), d.execute(Info.revision(), 7));
    }
    /**
     * The fault sweep's crash points (issue 22): a host that kept the chip awake died (SIGKILL) and a
     * new host starts inside the chip's watchdog period. Its wake pulse finds the chip awake, which
     * answers with the wake status but keeps the dead host's watchdog, so the chip can fall asleep
     * between a command and its answer ("no answer within 2500 ms"). Every transfer costs 20 ms (an
     * RPC round trip); the new host starts 0.3 to 1.3 s after the dead one's last wake and runs Info
     * for 1.5 s.
     */
    @Test void aHostStartingWhileADeadHostLeftTheChipAwakeGetsEveryAnswer() {
        I2cPort slowLink = new I2cPort() {
            @Override public boolean write(int address, byte[] data) { clock.advanceMillis(20); return port.write(address, data); }
            @Override public Optional<byte[]> read(int address, int len) { clock.advanceMillis(20); return port.read(address, len); }
            @Override public void wakePulse() { clock.advanceMillis(20); port.wakePulse(); }
        };
        for (int startsAfterMs = 300; startsAfterMs <= 1_300; startsAfterMs += 7) {
            clock.advanceMillis(3_000);                                           // asleep again
            new AtcaDriver(slowLink, clock, DriverOptions.overLink()).execute(Info.revision(), 7);   // the host that dies
            clock.advanceMillis(startsAfterMs - 60);                              // its wake, command and answer took 60 ms
            AtcaDriver next = new AtcaDriver(slowLink, clock, DriverOptions.overLink());
            long end = clock.nanos() + 1_500_000_000L;
            while (clock.nanos() < end) assertEquals(Bytes.ofHex("00005000"), next.execute(Info.revision(), 7), "new host " + startsAfterMs + " ms after the wake");
        }
    }
}
