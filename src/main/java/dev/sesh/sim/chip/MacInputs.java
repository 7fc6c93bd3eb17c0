package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;

/** TempKey and slot-key inputs shared by MAC, HMAC, CheckMac and DeriveKey, with their checks. */
final class MacInputs {
    private MacInputs() {}

    /** TempKey as a MAC input: valid, SourceFlag equal to mode bit 2, not NoMac-flagged, random if the key requires it. */
    static Bytes tempKey(ChipContext c, int mode, SlotPolicy key) {
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "TempKey is not valid");
        ChipError.check(tk.sourceFlag() == ((mode & 4) != 0), "mode bit 2 does not match TempKey.SourceFlag");
        ChipError.check(!tk.noMacFlag(), "TempKey came from a NoMac key");
        ChipError.check(!key.reqRandom() || !tk.sourceFlag(), "slot " + key.slot() + " requires a random nonce");
        return tk.first32();
    }

    /** A slot's symmetric key: zones locked, not a private key; ReqRandom keys need TempKey in the MAC. */
    static Bytes slotKey(ChipContext c, SlotPolicy p, int mode) { return slotKey(c, p, mode, true); }

    /** As {@link #slotKey(ChipContext, SlotPolicy, int)}; {@code needDataLock} false for CheckMac, which works before it. */
    static Bytes slotKey(ChipContext c, SlotPolicy p, int mode, boolean needDataLock) {
        ChipError.check(c.mem.configLocked() && (c.mem.dataLocked() || !needDataLock), "slot keys are usable only after both zones are locked");
        ChipError.check(!p.isPrivate(), "slot " + p.slot() + " holds a private key");
        ChipError.check(!p.reqRandom() || (mode & 3) != 0, "slot " + p.slot() + " requires a random nonce");
        c.useKey(p);
        return c.mem.readSlot(p.slot(), 0, 32);
    }
}
