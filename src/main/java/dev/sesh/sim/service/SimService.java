package dev.sesh.sim.service;

import java.util.List;

/**
 * A firmware library that registers RPC methods. The board calls {@link #init} on every boot, in
 * the firmware's init order, after the config was loaded; a service may log boot lines there and
 * decide from the config what to register (ATCA.* only when sys.atca.enable). RPC.List shows all
 * methods newest first, so the last method of the last service comes first.
 */
@FunctionalInterface
public interface SimService {
    /** Returns the methods to register, in registration order. */
    List<SimMethod> init(SimContext ctx);

    /** The board is gone for good: release what outlives the event loop (listening sockets). */
    default void powerOff() {}
}
