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
}
