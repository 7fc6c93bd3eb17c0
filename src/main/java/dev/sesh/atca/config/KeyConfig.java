package dev.sesh.atca.config;

import dev.sesh.atca.packet.Variant;

/**
 * One slot's KeyConfig (reference/atecc.md 5.3): 16 bits stored little-endian at config bytes
 * 96+2n, 97+2n.
 *
 * @param isPrivate        bit 0 "Private": the slot holds an ECC private key
 * @param pubInfo          bit 1: private slot: the public key may be computed (GenKey mode 0);
 *                         public-key slot: the key must be validated before use
 * @param keyType          bits 2-4
 * @param lockable         bit 5: the slot may be locked on its own (Lock mode 2)
 * @param reqRandom        bit 6: uses need a random nonce
 * @param reqAuth          bit 7: uses need prior authorisation with AuthKey
 * @param authKey          bits 8-11
 * @param intrusionDisable bit 12: 508A IntrusionDisable, 608 PersistentDisable
 * @param rfu13            bit 13: reserved, must be 0 (mos cannot express it)
 * @param x509id           bits 14-15: index into X509format
 */
public record KeyConfig(boolean isPrivate, boolean pubInfo, KeyType keyType, boolean lockable, boolean reqRandom,
                        boolean reqAuth, int authKey, boolean intrusionDisable, boolean rfu13, int x509id) {
    public KeyConfig {
        if (keyType == null) throw new IllegalArgumentException("KeyType missing");
        SlotConfig.checkNibble("AuthKey", authKey);
        if (x509id < 0 || x509id > 3) throw new IllegalArgumentException("X509id is 2 bits (0-3), got " + x509id);
    }

    /** Decodes the 16-bit value (bit 0 = least significant bit of the first stored byte). */
    public static KeyConfig of(int raw) {
        return new KeyConfig(SlotConfig.bit(raw, 0), SlotConfig.bit(raw, 1), KeyType.of(raw >> 2), SlotConfig.bit(raw, 5),
                SlotConfig.bit(raw, 6), SlotConfig.bit(raw, 7), (raw >> 8) & 15, SlotConfig.bit(raw, 12),
                SlotConfig.bit(raw, 13), (raw >> 14) & 3);
    }

    /** The 16-bit value; stored low byte first. */
    public int raw() {
        return SlotConfig.flag(isPrivate, 0) | SlotConfig.flag(pubInfo, 1) | keyType.code() << 2 | SlotConfig.flag(lockable, 5)
                | SlotConfig.flag(reqRandom, 6) | SlotConfig.flag(reqAuth, 7) | authKey << 8
                | SlotConfig.flag(intrusionDisable, 12) | SlotConfig.flag(rfu13, 13) | x509id << 14;
    }

    /** True for a P-256 private key slot (Private = 1, KeyType = 4). */
    public boolean isP256Private() { return isPrivate && keyType == KeyType.P256; }

    /** The data sheet's name of bit 12 on {@code variant}. */
    public static String bit12Name(Variant variant) {
        return variant.is608() ? "PersistentDisable" : "IntrusionDisable";
    }

    public KeyConfig withPubInfo(boolean v) { return new KeyConfig(isPrivate, v, keyType, lockable, reqRandom, reqAuth, authKey, intrusionDisable, rfu13, x509id); }

    public KeyConfig withKeyType(KeyType v) { return new KeyConfig(isPrivate, pubInfo, v, lockable, reqRandom, reqAuth, authKey, intrusionDisable, rfu13, x509id); }

    public KeyConfig withReqRandom(boolean v) { return new KeyConfig(isPrivate, pubInfo, keyType, lockable, v, reqAuth, authKey, intrusionDisable, rfu13, x509id); }

    public KeyConfig withReqAuth(boolean v, int key) { return new KeyConfig(isPrivate, pubInfo, keyType, lockable, reqRandom, v, key, intrusionDisable, rfu13, x509id); }

    public KeyConfig withIntrusionDisable(boolean v) { return new KeyConfig(isPrivate, pubInfo, keyType, lockable, reqRandom, reqAuth, authKey, v, rfu13, x509id); }

    public KeyConfig withX509id(int v) { return new KeyConfig(isPrivate, pubInfo, keyType, lockable, reqRandom, reqAuth, authKey, intrusionDisable, rfu13, v); }

    /** The two stored bytes in hex, e.g. "33 00". */
    @Override public String toString() {
        return String.format("KeyConfig[%02x %02x]", raw() & 0xff, raw() >> 8);
    }
}
