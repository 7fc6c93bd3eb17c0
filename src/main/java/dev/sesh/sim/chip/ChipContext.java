package dev.sesh.sim.chip;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import java.security.SecureRandom;

/** What a command handler works on: the EEPROM, the volatile state and the chip's RNG. */
final class ChipContext {
    final ChipMemory mem;
    final VolatileState vol;
    final SecureRandom rng;
    /** Set by Pause with a non-matching selector: the chip goes idle instead of answering. */
    boolean goIdle;

    ChipContext(ChipMemory mem, VolatileState vol, SecureRandom rng) {
        this.mem = mem;
        this.vol = vol;
        this.rng = rng;
    }

    Variant variant() { return mem.variant(); }

    /** 32 RNG bytes; before config lock the fixed pattern {@code FF FF 00 00} x8 (reference 3.3 Random). */
    Bytes random32() {
        byte[] b = new byte[32];
        if (!mem.configLocked()) {
            for (int i = 0; i < 32; i += 4) { b[i] = (byte) 0xFF; b[i + 1] = (byte) 0xFF; }
        } else {
            rng.nextBytes(b);
        }
        return Bytes.of(b);
    }

    /** SlotConfig/KeyConfig views of slot {@code n}. */
    SlotPolicy policy(int n) { return new SlotPolicy(n, mem.slotConfig(n), mem.keyConfig(n)); }
}
