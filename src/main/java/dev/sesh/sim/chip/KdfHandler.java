package dev.sesh.sim.chip;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Kdf;
import dev.sesh.atca.host.IoProtection;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * KDF (608): PRF is the TLS 1.2 PRF P_SHA256(key, message) giving 32 or 64 bytes; AES encrypts the
 * 16-byte message with 16 key bytes (details bits 1-0 pick which) and answers 16 bytes + 16 zeros;
 * HKDF is HMAC-SHA256(key, message), the extract step. These match the expected values of
 * cryptoauthlib's kdf tests. PRF AEAD mode 1 (details 0x200) makes 64 bytes, the first 32 to the target
 * and the second 32 answered in the clear; HKDF takes its message from the input, TempKey (the
 * first details-byte-3 bytes) or a slot (details bits 11-8). Not modelled (parse error): the 608B's
 * AEAD modes 2 and 3, and AEAD mode 1 with the encrypted output.
 */
final class KdfHandler {
    private KdfHandler() {}

    static ResponsePacket run(Kdf k, ChipContext c) {
        int details = k.detailsValue();
        Bytes result = switch (k.algorithm()) {
            case Kdf.ALG_PRF -> prf(k, c, details);
            case Kdf.ALG_AES -> {
                ChipError.check((c.mem.configByte(13) & 1) != 0, "AES is disabled (config byte 13 bit 0)");
                yield aes(source(k, c, 64).slice(16 * (details & 3), 16 * (details & 3) + 16), k.message());
            }
            default -> hkdf(k, c, details);
        };
        if (k.algorithm() == Kdf.ALG_PRF && (details & AEAD_MASK) == AEAD_SPLIT) return aeadSplit(k, c, result);
        return deliver(k, c, result);
    }

    static final int AEAD_MASK = 0x600, AEAD_SPLIT = 0x200;

    // PRF AEAD mode 1: of the 64 PRF bytes the first 32 go to the target, the second 32 (TLS IVs) answer in the clear.
    private static ResponsePacket aeadSplit(Kdf k, ChipContext c, Bytes result64) {
        if (k.target() == Kdf.TARGET_OUTPUT_ENC) throw ChipError.parse("KDF PRF AEAD with an encrypted output is not modelled");
        if (k.target() == Kdf.TARGET_OUTPUT) return deliver(k, c, result64);
        ChipError.check(kdfProt(c) != 2, "ChipOptions KDFProt forbids a KDF output");
        deliver(k, c, result64.slice(0, 32));
        return ResponsePacket.data(result64.slice(32, 64));
    }

    private static int kdfProt(ChipContext c) { return (c.mem.configByte(91) >> 2) & 3; }

    private static Bytes prf(Kdf k, ChipContext c, int details) {
        int aead = details & AEAD_MASK;
        if (aead != 0 && aead != AEAD_SPLIT) throw ChipError.parse("KDF PRF AEAD modes 2 and 3 (608B) are not modelled");
        int keyLen = 16 * ((details & 3) + 1);
        Bytes key = source(k, c, keyLen).slice(0, keyLen);
        int outLen = (details & 0x100) != 0 || aead == AEAD_SPLIT ? 64 : 32;
        Bytes out = Bytes.EMPTY;
        Bytes a = k.message();
        while (out.length() < outLen) {
            a = MacMath.hmacSha256(key, a);
            out = out.concat(MacMath.hmacSha256(key, a.concat(k.message())));
        }
        return out.slice(0, outLen);
    }

    private static Bytes hkdf(Kdf k, ChipContext c, int details) {
        Bytes key = (details & 4) != 0 ? Bytes.of(new byte[32]) : source(k, c, 32).slice(0, 32);
        Bytes msg = switch (details & 3) {
            case 1 -> {
                ChipError.check(k.message().length() <= 64, "HKDF message in TempKey is at most 64 bytes");
                yield tempKey(c).slice(0, k.message().length());
            }
            case 2 -> k.message();
            case 3 -> {
                int loc = c.mem.configByte(72);
                ChipError.check(loc + 2 <= k.message().length() && k.message().get(loc) == c.mem.configByte(73) && k.message().get(loc + 1) == c.mem.configByte(74),
                        "HKDF IV message lacks KdfIvStr at KdfIvLoc (config bytes 72-74)");
                yield k.message();
            }
            default -> slotMessage(c, (details >> 8) & 15, k.message().length());
        };
        return MacMath.hmacSha256(key, msg);
    }

    // HKDF message in a slot: details bits 11-8 name the slot, byte 3 the length; the command's own message bytes are ignored.
    private static Bytes slotMessage(ChipContext c, int slot, int len) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "KDF slot messages are usable only after both zones are locked");
        ChipError.check(len <= Address.slotSize(slot), "HKDF message of " + len + " bytes does not fit slot " + slot);
        ChipError.check(!c.policy(slot).isPrivate(), "slot " + slot + " holds a private key");
        return c.mem.readSlot(slot, 0, len);
    }

    private static Bytes aes(Bytes key16, Bytes block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key16.toArray(), "AES"));
            return Bytes.of(cipher.doFinal(block.toArray())).concat(Bytes.of(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has AES/ECB", e);
        }
    }

    // At least len bytes of key material from the mode's source.
    private static Bytes source(Kdf k, ChipContext c, int len) {
        Bytes s = switch (k.source()) {
            case Kdf.SOURCE_TEMPKEY -> tempKey(c);
            case Kdf.SOURCE_TEMPKEY_UP -> tempKey(c).slice(32, 64);
            case Kdf.SOURCE_SLOT -> {
                int slot = k.keyId() & 0xff;
                ChipError.check(slot <= 15, "KDF source slot " + slot);
                SlotPolicy p = c.policy(slot);
                ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "KDF slot keys are usable only after both zones are locked");
                ChipError.check(!p.isPrivate(), "slot " + slot + " holds a private key");
                c.useKey(p);
                yield c.mem.readSlot(slot, 0, Math.min(64, Address.slotSize(slot)));
            }
            default -> c.vol.altKey.orElseThrow(() -> ChipError.execution("the alternate key buffer is empty"));
        };
        return s.length() >= len ? s : s.concat(Bytes.of(new byte[len - s.length()]));
    }

    // TempKey as 64 bytes (a 32-byte TempKey has zeros above).
    private static Bytes tempKey(ChipContext c) {
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "KDF needs a valid TempKey");
        Bytes v = tk.value();
        return v.length() >= 64 ? v.slice(0, 64) : v.concat(Bytes.of(new byte[64 - v.length()]));
    }

    private static ResponsePacket deliver(Kdf k, ChipContext c, Bytes result) {
        int kdfProt = kdfProt(c);
        switch (k.target()) {
            case Kdf.TARGET_TEMPKEY -> c.vol.tempKey = new TempKey(result, true, true, false, false, 0, false);
            case Kdf.TARGET_TEMPKEY_UP -> c.vol.tempKey = new TempKey(tempKey(c).slice(0, 32).concat(result.slice(0, 32)), true, true, false, false, 0, false);
            case Kdf.TARGET_SLOT -> {
                int slot = k.keyId() >> 8;
                ChipError.check(slot <= 15, "KDF target slot " + slot);
                ChipError.check(c.mem.dataLocked() && !c.policy(slot).isPrivate() && !c.mem.slotLocked(slot), "slot " + slot + " cannot take a KDF result");
                c.mem.writeSlot(slot, 0, result);
            }
            case Kdf.TARGET_ALTKEYBUF -> c.vol.altKey = Optional.of(result.slice(0, 32));
            case Kdf.TARGET_OUTPUT -> {
                ChipError.check(kdfProt == 0, "ChipOptions KDFProt forbids a clear KDF output");
                return ResponsePacket.data(result);
            }
            default -> {
                ChipError.check(kdfProt != 2, "ChipOptions KDFProt forbids a KDF output");
                return ResponsePacket.data(ioEncrypt(c, result));
            }
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    /** {@code data} under IO protection, followed by the 32-byte OutNonce (shared with ECDH). */
    static Bytes ioEncrypt(ChipContext c, Bytes data) {
        int chipOptions = c.mem.configByte(90) | c.mem.configByte(91) << 8;
        ChipError.check((chipOptions & 2) != 0, "IO protection key is not enabled (ChipOptions bit 1)");
        Bytes ioKey = c.mem.readSlot(chipOptions >> 12, 0, 32);
        Bytes nonce = c.random32();
        return IoProtection.apply(ioKey, nonce, data).concat(nonce);
    }
}
