package dev.sesh.sim.chip;

import dev.sesh.atca.command.Counter;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;

/** Counter (reference/atecc.md 3.3, 4.7): read or increment, answered as 4 bytes little-endian. */
final class CounterHandler {
    private CounterHandler() {}

    static final int MAX = 2_097_151;

    static ResponsePacket run(Counter k, ChipContext c) {
        ChipError.check(c.mem.configLocked(), "Counter needs the config zone locked");
        int v = c.mem.counter(k.counterId());
        if (k.increments()) {
            ChipError.check(v < MAX, "counter " + k.counterId() + " is at its maximum");
            c.mem.setCounter(k.counterId(), ++v);
        }
        return ResponsePacket.data(Bytes.ofInts(v, v >> 8, v >> 16, v >> 24));
    }
}
