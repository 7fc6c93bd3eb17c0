package dev.sesh.sim.chip;

import dev.sesh.atca.packet.ResponsePacket;

/** Random (reference/atecc.md 3.3): 32 RNG bytes; the fixed pattern before the config lock. */
final class RandomHandler {
    private RandomHandler() {}

    static ResponsePacket run(ChipContext c) { return ResponsePacket.data(c.random32()); }
}
