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
     * 608 GenDig shared nonce (zone 3): SHA-256(nonce 32 || 0x15 0x03 keyid_lo 0x00 || SN[8] SN[0] SN[1]
     * || 25 zeros || TempKey 32); with key id bit 15 TempKey comes first and the nonce last.
     */
    public static Bytes genDigSharedNonce(Bytes nonce, int keyId, SerialNumber sn, Bytes tempKey) {
        boolean tkFirst = (keyId & 0x8000) != 0;
        return Digests.message().add(tkFirst ? tempKey : nonce).add(0x15, 3, keyId & 0xff, 0)
                .add(sn.sn(8), sn.sn(0), sn.sn(1)).zeros(25).add(tkFirst ? nonce : tempKey).sha256();
    }

    /**
     * 608 GenDig counter (zone 4): SHA-256(32 zeros || 0x15 0x04 id(2, LE) || SN[8] SN[0] SN[1] || 0x00
     * || counter value (4, LE) || 20 zeros || TempKey 32).
     */
    public static Bytes genDigCounter(int counterId, int value, SerialNumber sn, Bytes tempKey) {
        return Digests.message().zeros(32).add(0x15, 4).le16(counterId).add(sn.sn(8), sn.sn(0), sn.sn(1))
                .add(0, value, value >> 8, value >> 16, value >> 24).zeros(20).add(tempKey).sha256();
    }

    /**
     * 608 GenDig key config (zone 5): SHA-256(32 zeros || 0x15 0x05 slot(2, LE) || SN[8] SN[0] SN[1] ||
     * 0x00 || SlotConfig(2, LE) || KeyConfig(2, LE) || SlotLocked bit of the slot (1 = unlocked) ||
     * 19 zeros || TempKey 32).
     */
    public static Bytes genDigKeyConfig(int slot, int slotConfig, int keyConfig, boolean slotLocked, SerialNumber sn, Bytes tempKey) {
        return Digests.message().zeros(32).add(0x15, 5).le16(slot).add(sn.sn(8), sn.sn(0), sn.sn(1))
                .add(0).le16(slotConfig).le16(keyConfig).add(slotLocked ? 0 : 1).zeros(19).add(tempKey).sha256();
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
