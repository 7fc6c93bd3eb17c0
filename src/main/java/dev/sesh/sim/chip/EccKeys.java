package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;

/** Key and message lookups shared by GenKey, Sign, Verify and ECDH. */
final class EccKeys {
    private EccKeys() {}

    /** The 32-byte message Sign/Verify use: TempKey, or the 608 message digest buffer. */
    static Bytes message(ChipContext c, boolean fromDigestBuffer) {
        if (fromDigestBuffer) return c.vol.messageDigest.orElseThrow(() -> ChipError.execution("the message digest buffer is empty")).slice(0, 32);
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "TempKey is not valid");
        return tk.first32();
    }

    static Bytes privateKey(ChipContext c, int slot) {
        Bytes d = c.mem.readSlot(slot, 4, 32);
        ChipError.check(Ecc.validScalar(d), "slot " + slot + " holds no valid private key");
        return d;
    }

    /** TempKey's flags byte as Info State and the Sign-internal message carry it. */
    static int flags(TempKey tk) {
        return tk.keyId() & 15 | (tk.sourceFlag() ? 0x10 : 0) | (tk.genDigData() ? 0x20 : 0) | (tk.genKeyData() ? 0x40 : 0) | (tk.noMacFlag() ? 0x80 : 0);
    }

    /** Upper nibble of a PubInfo public-key slot's first byte: 0x5 validated, 0xA invalidated (reference/atecc.md 12a). */
    static final int VALID = 0x5, INVALID = 0xA;

    /** True if slot {@code slot} holds a P-256 public key with PubInfo set and its validation nibble at 0x5. */
    static boolean validatedPublicKey(ChipContext c, int slot) {
        SlotPolicy p = c.policy(slot);
        return needsValidation(p) && c.mem.readSlot(slot, 0, 1).get(0) >> 4 == VALID;
    }

    /** A public-key slot whose key Verify uses only once validated: not private, P-256, PubInfo. */
    static boolean needsValidation(SlotPolicy p) { return !p.isPrivate() && p.isP256() && p.pubInfo(); }

    /** Sets the validation nibble of slot {@code slot}, keeping the rest of byte 0. */
    static void markValidation(ChipContext c, int slot, int nibble) {
        int b0 = c.mem.readSlot(slot, 0, 1).get(0);
        c.mem.writeSlot(slot, 0, Bytes.ofInts(nibble << 4 | (b0 & 15)));
    }

    /** A public key stored as {@code 4 pad || X || 4 pad || Y} (reference/atecc.md 4.4). */
    static Bytes storedPublicKey(ChipContext c, int slot) {
        return c.mem.readSlot(slot, 4, 32).concat(c.mem.readSlot(slot, 40, 32));
    }
}
