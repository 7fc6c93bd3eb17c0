package dev.sesh.sim.chip;

import dev.sesh.atca.command.UpdateExtra;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;

/** UpdateExtra (reference/atecc.md 3.3, 11 rule 10). */
final class UpdateExtraHandler {
    private UpdateExtraHandler() {}

    static ResponsePacket run(UpdateExtra u, ChipContext c) {
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
}
