package dev.sesh.sim;

import dev.sesh.bytes.Clock;
import dev.sesh.sim.fs.FlashFs;
import dev.sesh.sim.service.ConfigService;
import dev.sesh.sim.service.FsService;
import dev.sesh.sim.service.RpcService;
import dev.sesh.sim.service.SimIdentity;
import dev.sesh.sim.service.SimService;
import dev.sesh.sim.service.SysService;

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

    /**
     * A board set up like the capture rig of reference/mos-captures: a fresh in-memory flash with
     * only conf0.json (no vendor level, so i2c is disabled).
     */
    public static SimBoard captureRig(SimIdentity identity, Clock clock) {
        FlashFs flash = FlashFs.inMemory(FlashFs.factoryImage(), clock);
        ConfigService config = new ConfigService(flash);
        FsService fs = new FsService(flash);
        return SimBoard.builder(identity, clock).config(config).fs(fs)
                .services(coreServices()).service(config).service(fs).build();
    }
}
