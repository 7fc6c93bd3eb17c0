package dev.sesh.sim.chip;

import dev.sesh.atca.command.Counter;
import dev.sesh.atca.command.Info;
import dev.sesh.atca.command.Pause;
import dev.sesh.atca.command.UpdateExtra;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

/**
 * The one-line commands: Random, Info, UpdateExtra, Counter, Pause, SelfTest (reference/atecc.md
 * 3.3). Each is a single method; they share a class only because each is a few lines.
 */
final class SmallHandlers {
    static final int COUNTER_MAX = 2_097_151;

    private SmallHandlers() {}

    static ResponsePacket random(ChipContext c) { return ResponsePacket.data(c.random32()); }

    static ResponsePacket info(Info i, ChipContext c) {
        byte[] out = new byte[4];
        switch (i.mode()) {
            case Info.REVISION -> {
                int rev = c.variant().revision();
                out[2] = (byte) (rev >> 8);
                out[3] = (byte) rev;
            }
            case Info.KEY_VALID -> {
                SlotPolicy p = c.policy(i.param());
                out[0] = (byte) (p.isEccPrivate() && Ecc.validScalar(c.mem.readSlot(i.param(), 4, 32)) ? 1 : 0);
            }
            case Info.STATE -> {
                TempKey tk = c.vol.tempKey;
                out[0] = (byte) (tk.keyId() | (tk.sourceFlag() ? 0x10 : 0) | (tk.genDigData() ? 0x20 : 0) | (tk.genKeyData() ? 0x40 : 0) | (tk.noMacFlag() ? 0x80 : 0));
                out[1] = (byte) (tk.valid() ? 0x80 : 0);
            }
            case Info.VOL_KEY_PERMIT -> {
                if ((i.param() & 2) != 0) c.vol.volatileKeyPermit = (i.param() & 1) != 0;
                out[0] = (byte) (c.vol.volatileKeyPermit ? 1 : 0);
            }
            default -> { }
        }
        return ResponsePacket.data(Bytes.of(out));
    }

    static ResponsePacket updateExtra(UpdateExtra u, ChipContext c) {
        ChipMemory m = c.mem;
        switch (u.mode()) {
            case 0 -> {
                ChipError.check(m.configByte(ChipMemory.USER_EXTRA) == 0, "UserExtra (byte 84) is already set");
                m.setConfigByte(ChipMemory.USER_EXTRA, u.value());
            }
            case 1 -> {
                boolean writeOnce = c.variant().is608() || (m.chipMode() & 1) != 0;
                ChipError.check(!writeOnce || m.configByte(ChipMemory.SELECTOR) == 0, "byte 85 is already set");
                m.setConfigByte(ChipMemory.SELECTOR, u.value());
            }
            default -> {
                ChipError.check(u.value() == 15 && c.policy(15).limitedUse(), "only slot 15 has a limited-use counter on the 508A");
                int bit = firstSetBit(m);
                ChipError.check(bit >= 0, "slot 15 has no uses left");
                m.setConfigByte(68 + bit / 8, m.configByte(68 + bit / 8) & ~(1 << (bit % 8)));
            }
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    private static int firstSetBit(ChipMemory m) {
        for (int i = 0; i < 128; i++) if ((m.configByte(68 + i / 8) & (1 << (i % 8))) != 0) return i;
        return -1;
    }

    static ResponsePacket counter(Counter k, ChipContext c) {
        ChipError.check(c.mem.configLocked(), "Counter needs the config zone locked");
        int v = c.mem.counter(k.counterId());
        if (k.increments()) {
            ChipError.check(v < COUNTER_MAX, "counter " + k.counterId() + " is at its maximum");
            c.mem.setCounter(k.counterId(), ++v);
        }
        return ResponsePacket.data(Bytes.ofInts(v, v >> 8, v >> 16, v >> 24));
    }

    static ResponsePacket pause(Pause p, ChipContext c) {
        if (p.selector() != c.mem.configByte(ChipMemory.SELECTOR)) c.goIdle = true;
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    /** The model has no faults to find: every selected test passes. */
    static ResponsePacket selfTest() { return ResponsePacket.status(StatusCode.SUCCESS); }
}
