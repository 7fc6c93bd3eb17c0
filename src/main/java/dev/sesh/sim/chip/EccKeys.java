package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;

/** Key and message lookups shared by GenKey, Sign, Verify and ECDH. */
final class EccKeys {
    private EccKeys() {}

    /** The 32-byte message Sign/Verify use: TempKey, or the 608 message digest buffer. */
    static Bytes message(ChipContext c, boolean fromDigestBuffer) {
        if (fromDigestBuffer) return c.vol.messageDigest.orElseThrow(() -> ChipError.execution("the message digest buffer is empty"));
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "TempKey is not valid");
        return tk.first32();
    }

    static Bytes privateKey(ChipContext c, int slot) {
        Bytes d = c.mem.readSlot(slot, 4, 32);
        ChipError.check(Ecc.validScalar(d), "slot " + slot + " holds no valid private key");
        return d;
    }

    /** A public key stored as {@code 4 pad || X || 4 pad || Y} (reference/atecc.md 4.4). */
    static Bytes storedPublicKey(ChipContext c, int slot) {
        return c.mem.readSlot(slot, 4, 32).concat(c.mem.readSlot(slot, 40, 32));
    }
}
