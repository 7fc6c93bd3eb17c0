package dev.sesh.sim.chip;

/** The SlotConfig and KeyConfig bits of one slot (reference/atecc.md 5.1-5.3). */
record SlotPolicy(int slot, int slotConfig, int keyConfig) {
    int readKey() { return slotConfig & 15; }
    boolean extSign() { return (slotConfig & 1) != 0; }
    boolean intSign() { return (slotConfig & 2) != 0; }
    boolean ecdhEnable() { return (slotConfig & 4) != 0; }
    boolean ecdhToNextSlot() { return (slotConfig & 8) != 0; }
    boolean noMac() { return (slotConfig & 0x10) != 0; }
    boolean limitedUse() { return (slotConfig & 0x20) != 0; }
    boolean encryptRead() { return (slotConfig & 0x40) != 0; }
    boolean isSecret() { return (slotConfig & 0x80) != 0; }
    int writeKey() { return (slotConfig >> 8) & 15; }
    int writeConfig() { return (slotConfig >> 12) & 15; }

    boolean isPrivate() { return (keyConfig & 1) != 0; }
    boolean pubInfo() { return (keyConfig & 2) != 0; }
    int keyType() { return (keyConfig >> 2) & 7; }
    boolean lockable() { return (keyConfig & 0x20) != 0; }
    boolean reqRandom() { return (keyConfig & 0x40) != 0; }
    boolean reqAuth() { return (keyConfig & 0x80) != 0; }
    int authKey() { return (keyConfig >> 8) & 15; }
    /** 608 KeyConfig bit 12: the key is usable only while the persistent latch is set. */
    boolean persistentDisable() { return (keyConfig & 0x1000) != 0; }

    boolean isP256() { return keyType() == 4; }

    /** A private P-256 key slot that GenKey/Sign/ECDH/PrivWrite may use (section 11 rule 12). */
    boolean isEccPrivate() { return isPrivate() && isP256(); }

    /** Write interpretation of WriteConfig (5.2). */
    boolean writeAlways() { return writeConfig() == 0; }
    boolean writePubInvalid() { return writeConfig() == 1; }
    boolean writeEncrypt() { return (writeConfig() & 4) != 0; }
}
