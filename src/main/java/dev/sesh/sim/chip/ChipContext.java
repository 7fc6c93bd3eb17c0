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

    /**
     * The 608's rules for using the key in slot {@code p}, applied right before the use: a key with
     * KeyConfig bit 12 (PersistentDisable) needs the persistent latch (cryptoauthlib's
     * volatile_key_permit); a key with SlotConfig.LimitedUse is tied to counter 0, which each use
     * increments and which must stay below the CountMatch value when CountMatch is enabled (config
     * byte 18 bit 0, match value in the slot of its bits 7-4; cryptoauthlib's counter_match).
     */
    void useKey(SlotPolicy p) {
        if (!variant().is608()) return;
        ChipError.check(!p.persistentDisable() || vol.persistentLatch, "slot " + p.slot() + " needs the persistent latch (Info VolKeyPermit)");
        if (!p.limitedUse()) return;
        int count = mem.counter(0);
        ChipError.check(count < CounterHandler.MAX, "counter 0 is at its maximum: slot " + p.slot() + " is used up");
        countMatch().ifPresent(limit -> ChipError.check(count < limit, "counter 0 reached the CountMatch value " + limit));
        mem.setCounter(0, count + 1);
    }

    /** The CountMatch limit when enabled and its slot holds a valid value (4 bytes LE, repeated). */
    private java.util.OptionalInt countMatch() {
        int cm = mem.configByte(ChipMemory.OTP_MODE);
        if ((cm & 1) == 0) return java.util.OptionalInt.empty();
        Bytes v = mem.readSlot(cm >> 4, 0, 8);
        if (!v.slice(0, 4).equals(v.slice(4, 8))) return java.util.OptionalInt.empty();
        return java.util.OptionalInt.of(v.get(0) | v.get(1) << 8 | v.get(2) << 16 | v.get(3) << 24);
    }

    /** SlotConfig/KeyConfig views of slot {@code n}. */
    SlotPolicy policy(int n) { return new SlotPolicy(n, mem.slotConfig(n), mem.keyConfig(n)); }
}
