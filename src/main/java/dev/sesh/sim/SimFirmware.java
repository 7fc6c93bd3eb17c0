package dev.sesh.sim;

import dev.sesh.bytes.Clock;
import dev.sesh.sim.i2c.Eeprom24C02;
import dev.sesh.sim.i2c.I2cBusModel;
import dev.sesh.sim.service.I2cService;
import dev.sesh.sim.service.RpcService;
import dev.sesh.sim.service.SimIdentity;
import dev.sesh.sim.service.SimService;
import dev.sesh.sim.service.SysService;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated firmware's composition: which services a board runs, in the firmware's init order
 * (RPC.List shows them reversed: I2C, FS, Config, Sys, RPC). Services from other packages are
 * added here as they land.
 */
public final class SimFirmware {
    private SimFirmware() {}

    /** The services every simulated board runs, in init order. */
    public static List<SimService> coreServices() {
        return List.of(new RpcService(), new SysService());
    }

    /** A board set up like the capture rig of reference/mos-captures (fresh config, i2c disabled). */
    public static SimBoard captureRig(SimIdentity identity, Clock clock) {
        List<SimService> services = new ArrayList<>(coreServices());
        services.add(captureRigI2c(clock));
        return SimBoard.builder(identity, clock).services(services).build();
    }

    /**
     * The capture rig's I2C hardware (mos-captures README 6.6): bus 0 with a 24C02 EEPROM at 0x50
     * (filled 00..ff) where the ATECC joins at 0x60; bus 1 with nothing on it.
     */
    public static I2cService captureRigI2c(Clock clock) {
        I2cBusModel bus0 = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
        bus0.attach(new Eeprom24C02(clock));
        return new I2cService(bus0, new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ));
    }
}
