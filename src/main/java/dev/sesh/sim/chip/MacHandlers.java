package dev.sesh.sim.chip;

import dev.sesh.atca.command.CheckMac;
import dev.sesh.atca.command.DeriveKey;
import dev.sesh.atca.command.Hmac;
import dev.sesh.atca.command.Mac;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

/** MAC, HMAC, CheckMac and DeriveKey (reference/atecc.md 3.3): symmetric keys and TempKey. */
final class MacHandlers {
    private MacHandlers() {}

    static ResponsePacket mac(Mac m, ChipContext c) {
        SlotPolicy p = c.policy(m.keyId());
        boolean tkFirst = (m.mode() & 2) != 0, tkSecond = (m.mode() & 1) != 0;
        ChipError.check(!p.noMac(), "slot " + m.keyId() + " is NoMac");
        Bytes first = tkFirst ? tempKey(c, m.mode(), p) : slotKey(c, p, m.mode());
        Bytes second = tkSecond ? tempKey(c, m.mode(), p) : m.challenge();
        Bytes out = MacMath.mac(first, second, m.mode(), m.keyId(), c.mem.otp(), c.mem.serial());
        if (tkFirst || tkSecond) c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.data(out);
    }

    static ResponsePacket hmac(Hmac h, ChipContext c) {
        SlotPolicy p = c.policy(h.keyId());
        ChipError.check(!p.noMac(), "slot " + h.keyId() + " is NoMac");
        Bytes key = slotKey(c, p, h.mode() | 4);
        Bytes tk = tempKey(c, h.mode(), p);
        c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.data(MacMath.hmac(key, tk, h.mode(), h.keyId(), c.mem.otp(), c.mem.serial()));
    }

    static ResponsePacket checkMac(CheckMac m, ChipContext c) {
        SlotPolicy p = c.policy(m.keyId());
        boolean tkFirst = (m.mode() & 2) != 0, tkSecond = (m.mode() & 1) != 0;
        Bytes first = tkFirst ? tempKey(c, m.mode(), p) : slotKey(c, p, m.mode());
        Bytes second = tkSecond ? tempKey(c, m.mode(), p) : m.challenge();
        Bytes expected = MacMath.checkMac(first, second, m.mode(), m.otherData(), c.mem.otp(), c.mem.serial());
        if (tkFirst || tkSecond) c.vol.tempKey = TempKey.INVALID;
        if (!expected.equals(m.response())) return ResponsePacket.status(StatusCode.MISCOMPARE);
        int copy = m.keyId() | 1;
        if ((m.mode() & 3) == 1 && c.policy(copy).readKey() == 0 && !c.policy(copy).isPrivate())
            c.vol.tempKey = new TempKey(c.mem.readSlot(copy, 0, 32), true, false, false, false, copy, false);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    static ResponsePacket deriveKey(DeriveKey d, ChipContext c) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "DeriveKey needs both zones locked");
        int target = d.target();
        SlotPolicy t = c.policy(target);
        ChipError.check(!t.isPrivate(), "DeriveKey cannot target a private key slot");
        ChipError.check(!c.mem.slotLocked(target), "slot " + target + " is locked");
        int rule = t.writeConfig() & 0xB;
        ChipError.check(rule == 0x2 || rule == 0xA || rule == 0x3 || rule == 0xB, "WriteConfig of slot " + target + " forbids DeriveKey");
        int parentSlot = (rule & 1) == 0 ? target : t.writeKey();
        Bytes tk = tempKey(c, d.mode(), t);
        Bytes parent = c.mem.readSlot(parentSlot, 0, 32);
        if ((rule & 8) != 0) {
            ChipError.check(d.mac().length() == 32, "DeriveKey into slot " + target + " needs an authorising MAC");
            ChipError.check(MacMath.deriveKeyMac(parent, d.mode(), target, c.mem.serial()).equals(d.mac()), "DeriveKey MAC does not match");
        }
        c.mem.writeSlot(target, 0, MacMath.deriveKey(parent, d.mode(), target, c.mem.serial(), tk));
        c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    /** TempKey as a MAC input: valid, SourceFlag equal to mode bit 2, not NoMac-flagged, random if the key requires it. */
    private static Bytes tempKey(ChipContext c, int mode, SlotPolicy key) {
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "TempKey is not valid");
        ChipError.check(tk.sourceFlag() == ((mode & 4) != 0), "mode bit 2 does not match TempKey.SourceFlag");
        ChipError.check(!tk.noMacFlag(), "TempKey came from a NoMac key");
        ChipError.check(!key.reqRandom() || !tk.sourceFlag(), "slot " + key.slot() + " requires a random nonce");
        return tk.first32();
    }

    /** A slot's symmetric key: zones locked, not a private key; ReqRandom keys need TempKey in the MAC. */
    private static Bytes slotKey(ChipContext c, SlotPolicy p, int mode) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "slot keys are usable only after both zones are locked");
        ChipError.check(!p.isPrivate(), "slot " + p.slot() + " holds a private key");
        ChipError.check(!p.reqRandom() || (mode & 3) != 0, "slot " + p.slot() + " requires a random nonce");
        return c.mem.readSlot(p.slot(), 0, 32);
    }
}
