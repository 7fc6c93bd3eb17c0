package dev.sesh.sim.chip;

import dev.sesh.atca.command.Aes;
import dev.sesh.atca.command.Sha;
import dev.sesh.atca.host.Digests;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** SHA (start/update/end, HMAC) and the 608's AES encrypt/decrypt (reference/atecc.md 3.3). */
final class ShaAesHandlers {
    private ShaAesHandlers() {}

    static ResponsePacket sha(Sha s, ChipContext c) {
        VolatileState v = c.vol;
        switch (s.mode()) {
            case Sha.START -> { v.sha = Optional.of(new ByteArrayOutputStream()); v.shaHmacSlot = -1; }
            case Sha.HMAC_START -> {
                SlotPolicy p = c.policy(s.param2());
                ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "HMAC keys are usable only after both zones are locked");
                ChipError.check(!p.isPrivate(), "slot " + p.slot() + " holds a private key");
                v.sha = Optional.of(new ByteArrayOutputStream());
                v.shaHmacSlot = s.param2();
            }
            case Sha.UPDATE -> running(v).writeBytes(s.message().toArray());
            default -> {
                ByteArrayOutputStream acc = running(v);
                boolean hmac = v.shaHmacSlot >= 0;
                ChipError.check(s.mode() == Sha.END ? (!hmac || c.variant().is608()) : hmac, "SHA end mode does not match the running context");
                acc.writeBytes(s.message().toArray());
                Bytes all = Bytes.of(acc.toByteArray());
                Bytes out = hmac ? MacMath.hmacSha256(c.mem.readSlot(v.shaHmacSlot, 0, 32), all) : Digests.sha256(all);
                v.sha = Optional.empty();
                v.shaHmacSlot = -1;
                return ResponsePacket.data(out);
            }
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    private static ByteArrayOutputStream running(VolatileState v) {
        return v.sha.orElseThrow(() -> ChipError.execution("no SHA computation was started"));
    }

    static ResponsePacket aes(Aes a, ChipContext c) {
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
            ChipError.check(from + 16 <= dev.sesh.atca.command.Address.slotSize(a.keyId()), "key block beyond slot " + a.keyId());
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
