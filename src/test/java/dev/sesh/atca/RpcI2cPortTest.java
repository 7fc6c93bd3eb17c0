package dev.sesh.atca;

import dev.sesh.atca.command.Info;
import dev.sesh.atca.driver.AtcaDriver;
import dev.sesh.atca.driver.ChipIdentity;
import dev.sesh.atca.driver.ChipOps;
import dev.sesh.atca.driver.DriverOptions;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.sim.chip.AteccChip;
import dev.sesh.testing.SimI2cBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host-side chip driver over I2C.Write/I2C.Read RPC to the simulated board's chip, end to end. */
class RpcI2cPortTest {
    private final SimI2cBoard sim = new SimI2cBoard();
    private final AtcaDriver driver = new AtcaDriver(new RpcI2cPort(sim.board.i2c()), sim.clock, DriverOptions.host());

    @AfterEach void close() { sim.close(); }

    @Test void driverWakesTheSleepingChipAndRunsInfo() {
        assertEquals(AteccChip.PowerState.ASLEEP, sim.chip.state());
        assertEquals(Bytes.ofHex("00005000"), driver.execute(Info.revision(), 7));
        assertEquals(AteccChip.PowerState.IDLE, sim.chip.state());
        assertTrue(sim.sent.get(0).contains("\"addr\":0,\"data_hex\":\"\""), "wake pulse first: " + sim.sent.get(0));
    }

    @Test void driverReadsConfigBlockZeroOverRpc() {
        Bytes block0 = new ChipOps(driver, ChipOps.ZERO_NUM_IN).readConfigBlock(0);
        assertEquals(sim.chip.memory().config().slice(0, 32), block0);
        assertTrue(sim.sentMethods().stream().allMatch(m -> m.equals("I2C.Write") || m.equals("I2C.Read")), sim.sentMethods().toString());
    }

    @Test void identifyFindsTheSerialAndNeverAsksTheGate() {
        ChipIdentity id = driver.identify();
        assertEquals(Variant.ATECC508A, id.variant());
        assertEquals(sim.chip.memory().serial().bytes(), id.serial());
        assertEquals(List.of(), sim.gate.plans);
    }
}
