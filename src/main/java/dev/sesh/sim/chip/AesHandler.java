package dev.sesh.sim.chip;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Aes;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** AES encrypt/decrypt (608, reference/atecc.md 3.3) with a slot key or TempKey, and GFM. */
final class AesHandler {
    private AesHandler() {}

    /** Multiplication in GF(2^128) with GCM's bit order and polynomial (NIST SP 800-38D, algorithm 1). */
    static Bytes gfm(Bytes h, Bytes x) {
        java.math.BigInteger v = new java.math.BigInteger(1, h.toArray()), y = new java.math.BigInteger(1, x.toArray()), z = java.math.BigInteger.ZERO;
        java.math.BigInteger r = java.math.BigInteger.valueOf(0xE1).shiftLeft(120);
        for (int i = 127; i >= 0; i--) {
            if (y.testBit(i)) z = z.xor(v);
            v = v.testBit(0) ? v.shiftRight(1).xor(r) : v.shiftRight(1);
        }
        byte[] raw = z.toByteArray();
        byte[] out = new byte[16];
        int n = Math.min(16, raw.length);
        System.arraycopy(raw, raw.length - n, out, 16 - n, n);
        return Bytes.of(out);
    }

    static ResponsePacket run(Aes a, ChipContext c) {
        ChipError.check((c.mem.configByte(13) & 1) != 0, "AES is disabled (config byte 13 bit 0)");
        if (a.isGfm()) return ResponsePacket.data(gfm(a.block().slice(0, 16), a.block().slice(16, 32)));
        int from = a.keyBlock() * 16;
        Bytes key;
        if (a.keyId() == Aes.TEMPKEY) {
            TempKey tk = c.vol.tempKey;
            ChipError.check(tk.valid() && from + 16 <= tk.value().length(), "TempKey holds no such AES key");
            key = tk.value().slice(from, from + 16);
        } else {
            SlotPolicy p = c.policy(a.keyId());
            ChipError.check(c.mem.dataLocked(), "AES slot keys are usable only after the data zone is locked");
            ChipError.check(p.keyType() == 6, "slot " + a.keyId() + " is not an AES key slot");
            ChipError.check(from + 16 <= Address.slotSize(a.keyId()), "key block beyond slot " + a.keyId());
            c.useKey(p);
            key = c.mem.readSlot(a.keyId(), from, 16);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(a.decrypts() ? Cipher.DECRYPT_MODE : Cipher.ENCRYPT_MODE, new SecretKeySpec(key.toArray(), "AES"));
            return ResponsePacket.data(Bytes.of(cipher.doFinal(a.block().toArray())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has AES/ECB", e);
        }
    }
}
