package dev.sesh.atca.host;

import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * How the chip computes a new TempKey (reference/atecc.md 3.3 Nonce and GenDig, 8.1 GenKey
 * digest). Pure functions; both the host driver and the simulated chip use them. Vectors:
 * {@code nonce_random}, {@code gendig}, {@code ecc.pubkey_digest_mode_0x08}.
 */
public final class TempKeyMath {
    private TempKeyMath() {}

    /** Nonce random modes: SHA-256(RandOut 32 || NumIn 20 || 0x16 || mode || param2 low byte). */
    public static Bytes nonce(Bytes randOut, Bytes numIn, int mode, int param2) {
        return Digests.message().add(randOut).add(numIn).add(0x16, mode, param2 & 0xff).sha256();
    }

    /**
     * GenDig: SHA-256(value 32 || 0x15 zone keyid_lo keyid_hi (or the 4 OtherData bytes) || SN[8]
     * SN[0] SN[1] || 25 zeros || old TempKey 32).
     */
    public static Bytes genDig(Bytes value, int zone, int keyId, Optional<Bytes> otherData, SerialNumber sn, Bytes tempKey) {
        Digests.Message m = Digests.message().add(value);
        if (otherData.isPresent()) m.add(otherData.get());
        else m.add(0x15, zone).le16(keyId);
        return m.add(sn.sn(8), sn.sn(0), sn.sn(1)).zeros(25).add(tempKey).sha256();
    }

    /**
     * GenKey public-key digest: SHA-256(TempKey 32 || 0x40 || mode || keyid(2, LE) || SN[8] SN[0]
     * SN[1] || 25 zeros || X || Y). In mode 0x10 the 3 OtherData bytes replace mode and key id.
     */
    public static Bytes genKeyDigest(Bytes tempKey, int mode, int keyId, Optional<Bytes> otherData, SerialNumber sn, Bytes publicKey) {
        Digests.Message m = Digests.message().add(tempKey).add(0x40);
        if (otherData.isPresent()) m.add(otherData.get());
        else m.add(mode).le16(keyId);
        return m.add(sn.sn(8), sn.sn(0), sn.sn(1)).zeros(25).add(publicKey).sha256();
    }
}
