package dev.sesh.sim.chip;

import dev.sesh.atca.command.Counter;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;

/**
 * Counter (reference/atecc.md 3.3, 4.7, 12a): read or increment, answered as 4 bytes little-endian.
 * Works with the config zone unlocked too, on whatever was written to config bytes 52-67
 * (cryptoauthlib's counter_write_test).
 */
final class CounterHandler {
    private CounterHandler() {}

    static final int MAX = 2_097_151;

    static ResponsePacket run(Counter k, ChipContext c) {
        int v = c.mem.counter(k.counterId());
        if (k.increments()) {
            ChipError.check(v < MAX, "counter " + k.counterId() + " is at its maximum");
            c.mem.setCounter(k.counterId(), ++v);
        }
        return ResponsePacket.data(Bytes.ofInts(v, v >> 8, v >> 16, v >> 24));
    }
}
