package dev.sesh.sim;

import dev.sesh.bytes.Clock;
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

    /** A board set up like the capture rig of reference/mos-captures (fresh config, i2c disabled). */
    public static SimBoard captureRig(SimIdentity identity, Clock clock) {
        return SimBoard.builder(identity, clock).services(coreServices()).build();
    }
}
