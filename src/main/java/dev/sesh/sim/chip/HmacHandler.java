package dev.sesh.sim.chip;

import dev.sesh.atca.command.Hmac;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;

/** HMAC (508A, reference/atecc.md 3.3). */
final class HmacHandler {
    private HmacHandler() {}

    static ResponsePacket run(Hmac h, ChipContext c) {
        SlotPolicy p = c.policy(h.keyId());
        ChipError.check(!p.noMac(), "slot " + h.keyId() + " is NoMac");
        Bytes key = MacInputs.slotKey(c, p, h.mode() | 4);
        Bytes tk = MacInputs.tempKey(c, h.mode(), p);
        c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.data(MacMath.hmac(key, tk, h.mode(), h.keyId(), c.mem.otp(), c.mem.serial()));
    }
}
