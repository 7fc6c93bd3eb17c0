package dev.sesh.sim.chip;

import dev.sesh.atca.command.Write;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

/**
 * Write (reference/atecc.md 3.3 Write, 4.2, 7.3, 11 rules 6, 7 and 13, 12a): before the data lock
 * clear or encrypted 32-byte writes; a 32-byte write past a slot's end writes what fits.
 */
final class WriteHandler {
    private WriteHandler() {}

    static ResponsePacket run(Write w, ChipContext c) {
        int off = w.address().offset();
        switch (w.address().zone()) {
            case CONFIG -> config(w, c, off);
            case OTP -> otp(w, c, off);
            case DATA -> data(w, c, off);
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    private static void config(Write w, ChipContext c, int off) {
        ChipError.check(!c.mem.configLocked(), "the config zone is locked");
        ChipError.check(!w.encrypted(), "config writes are never encrypted");
        if (w.size32()) ChipError.check(off == 32 || off == 96, "32-byte config writes only to blocks 1 and 3");
        else ChipError.check(off >= 16 && off != 84, "config bytes 0-15 and the word 84-87 are not writable with Write");
        c.mem.writeConfig(off, w.value());
    }

    private static void otp(Write w, ChipContext c, int off) {
        ChipError.check(c.mem.configLocked(), "no OTP writes before the config zone is locked");
        ChipError.check(!w.encrypted(), "OTP writes are never encrypted");
        if (!c.mem.dataLocked()) {
            ChipError.check(w.size32(), "only 32-byte writes before the data zone is locked");
            c.mem.writeOtp(off, w.value());
            return;
        }
        ChipError.check(!c.variant().is608() && c.mem.configByte(18) == 0x55, "OTP is read-only after the data lock");
        Bytes old = c.mem.otp().slice(off, off + w.value().length());
        for (int i = 0; i < old.length(); i++)
            ChipError.check((w.value().get(i) & ~old.get(i)) == 0, "OTP consumption mode only clears bits");
        c.mem.writeOtp(off, w.value());
    }

    private static void data(Write w, ChipContext c, int off) {
        int slot = w.address().slot();
        SlotPolicy p = c.policy(slot);
        ChipError.check(c.mem.configLocked(), "no data writes before the config zone is locked");
        ChipError.check(!p.isPrivate(), "private key slots are written with PrivWrite");
        if (!c.mem.dataLocked()) {
            ChipError.check(w.size32(), "only 32-byte writes before the data zone is locked");
            // An encrypted write works before the data lock too (cryptoauthlib's write_enc_data_unlock).
            c.mem.writeSlot(slot, off, w.encrypted() ? decrypt(w, c, p) : w.value());
            return;
        }
        ChipError.check(!c.mem.slotLocked(slot), "slot " + slot + " is locked");
        if (p.writeEncrypt()) {
            c.mem.writeSlot(slot, off, decrypt(w, c, p));
            invalidatePublicKey(c, p);
            return;
        }
        ChipError.check(p.writeAlways() || p.writePubInvalid(), "WriteConfig of slot " + slot + " is Never");
        ChipError.check(!w.encrypted(), "slot " + slot + " does not take encrypted writes");
        ChipError.check(w.size32() || !p.isSecret(), "4-byte writes to a secret slot are refused");
        if (p.writePubInvalid()) ChipError.check(c.mem.readSlot(slot, 0, 1).get(0) >> 4 != EccKeys.VALID, "PubInvalid slot holds a validated key");
        c.mem.writeSlot(slot, off, w.value());
        invalidatePublicKey(c, p);
    }

    // After the data lock, any write to a public-key slot that needs validation leaves its key
    // invalidated (nibble 0xA), whatever byte 0 was written (reference/atecc.md 12a, verify_validate).
    private static void invalidatePublicKey(ChipContext c, SlotPolicy p) {
        if (EccKeys.needsValidation(p)) EccKeys.markValidation(c, p.slot(), EccKeys.INVALID);
    }

    private static Bytes decrypt(Write w, ChipContext c, SlotPolicy p) {
        ChipError.check(w.encrypted() && w.size32(), "slot " + p.slot() + " needs an encrypted 32-byte write with MAC");
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid() && tk.genDigData() && tk.keyId() == p.writeKey(), "TempKey is not from GenDig of WriteKey " + p.writeKey());
        c.vol.tempKey = TempKey.INVALID;
        Bytes plain = EncryptedWrites.xor32(w.value(), tk.first32());
        Bytes mac = EncryptedWrites.writeMac(tk.first32(), w.param1(), w.address().encode(), c.mem.serial(), plain);
        ChipError.check(mac.equals(w.mac().orElseThrow()), "write MAC does not match");
        return plain;
    }
}
