package dev.sesh.sim.chip;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Aes;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** AES encrypt/decrypt (608, reference/atecc.md 3.3) with a slot key or TempKey. */
final class AesHandler {
    private AesHandler() {}

    static ResponsePacket run(Aes a, ChipContext c) {
        ChipError.check((c.mem.configByte(13) & 1) != 0, "AES is disabled (config byte 13 bit 0)");
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
