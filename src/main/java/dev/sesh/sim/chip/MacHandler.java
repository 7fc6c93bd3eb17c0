package dev.sesh.sim.chip;

import dev.sesh.atca.command.Mac;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;

/** MAC (reference/atecc.md 3.3). */
final class MacHandler {
    private MacHandler() {}

    static ResponsePacket run(Mac m, ChipContext c) {
        SlotPolicy p = c.policy(m.keyId());
        boolean tkFirst = (m.mode() & 2) != 0, tkSecond = (m.mode() & 1) != 0;
        ChipError.check(!p.noMac(), "slot " + m.keyId() + " is NoMac");
        Bytes first = tkFirst ? MacInputs.tempKey(c, m.mode(), p) : MacInputs.slotKey(c, p, m.mode());
        Bytes second = tkSecond ? MacInputs.tempKey(c, m.mode(), p) : m.challenge();
        Bytes out = MacMath.mac(first, second, m.mode(), m.keyId(), c.mem.otp(), c.mem.serial());
        if (tkFirst || tkSecond) c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.data(out);
    }
}
