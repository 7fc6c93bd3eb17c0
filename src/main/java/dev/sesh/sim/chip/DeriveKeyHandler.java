package dev.sesh.sim.chip;

import dev.sesh.atca.command.DeriveKey;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

/** DeriveKey (reference/atecc.md 3.3, 5.2): roll or create, with or without an authorising MAC. */
final class DeriveKeyHandler {
    private DeriveKeyHandler() {}

    static ResponsePacket run(DeriveKey d, ChipContext c) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "DeriveKey needs both zones locked");
        int target = d.target();
        SlotPolicy t = c.policy(target);
        ChipError.check(!t.isPrivate(), "DeriveKey cannot target a private key slot");
        ChipError.check(!c.mem.slotLocked(target), "slot " + target + " is locked");
        int rule = t.writeConfig() & 0xB;
        ChipError.check(rule == 0x2 || rule == 0xA || rule == 0x3 || rule == 0xB, "WriteConfig of slot " + target + " forbids DeriveKey");
        int parentSlot = (rule & 1) == 0 ? target : t.writeKey();
        Bytes tk = MacInputs.tempKey(c, d.mode(), t);
        Bytes parent = c.mem.readSlot(parentSlot, 0, 32);
        if ((rule & 8) != 0) {
            ChipError.check(d.mac().length() == 32, "DeriveKey into slot " + target + " needs an authorising MAC");
            ChipError.check(MacMath.deriveKeyMac(parent, d.mode(), target, c.mem.serial()).equals(d.mac()), "DeriveKey MAC does not match");
        }
        c.mem.writeSlot(target, 0, MacMath.deriveKey(parent, d.mode(), target, c.mem.serial(), tk));
        c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
