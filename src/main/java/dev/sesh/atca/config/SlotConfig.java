package dev.sesh.atca.config;

/**
 * One slot's SlotConfig (reference/atecc.md 5.1): 16 bits stored little-endian at config bytes
 * 20+2n, 21+2n. Bits 0-3 are ReadKey on a slot whose KeyConfig.Private is 0, and the four private-key
 * flags (ExtSignEnable, IntSignEnable, ECDHEnable, ECDH output to slot N+1) when it is 1; both views
 * read the same {@code readKey} bits.
 *
 * @param readKey     bits 0-3
 * @param noMac       bit 4: the key may not be used by MAC/HMAC
 * @param limitedUse  bit 5: uses limited by a counter
 * @param encryptRead bit 6: reads are encrypted with ReadKey (needs IsSecret)
 * @param isSecret    bit 7: no clear reads, no 4-byte reads or writes
 * @param writeKey    bits 8-11: slot whose key authorises writes
 * @param writeConfig bits 12-15: write policy, read per command ({@link WritePolicy})
 */
public record SlotConfig(int readKey, boolean noMac, boolean limitedUse, boolean encryptRead, boolean isSecret,
                         int writeKey, int writeConfig) {
    public SlotConfig {
        checkNibble("ReadKey", readKey);
        checkNibble("WriteKey", writeKey);
        checkNibble("WriteConfig", writeConfig);
    }

    /** Decodes the 16-bit value (bit 0 = least significant bit of the first stored byte). */
    public static SlotConfig of(int raw) {
        return new SlotConfig(raw & 15, bit(raw, 4), bit(raw, 5), bit(raw, 6), bit(raw, 7),
                (raw >> 8) & 15, (raw >> 12) & 15);
    }

    /** The 16-bit value; stored low byte first. */
    public int raw() {
        return readKey | flag(noMac, 4) | flag(limitedUse, 5) | flag(encryptRead, 6) | flag(isSecret, 7)
                | writeKey << 8 | writeConfig << 12;
    }

    /** Private-key view of bit 0: Sign of external messages allowed. */
    public boolean extSignEnable() { return (readKey & 1) != 0; }

    /** Private-key view of bit 1: Sign of internal messages allowed. */
    public boolean intSignEnable() { return (readKey & 2) != 0; }

    /** Private-key view of bit 2: ECDH allowed. */
    public boolean ecdhEnable() { return (readKey & 4) != 0; }

    /** Private-key view of bit 3: the ECDH result goes to slot N+1 instead of the output. */
    public boolean ecdhToNextSlot() { return (readKey & 8) != 0; }

    /** The Write command's reading of WriteConfig. */
    public WritePolicy writePolicy() { return WritePolicy.of(writeConfig); }

    /** WriteConfig bit 1 (value & 2): GenKey may create a key here after the data lock. */
    public boolean genKeyAllowed() { return (writeConfig & 2) != 0; }

    /** WriteConfig bit 2 (value & 4): encrypted PrivWrite allowed after the data lock. */
    public boolean privWriteAllowed() { return (writeConfig & 4) != 0; }

    /** DeriveKey may replace this slot's key (WriteConfig & 0xB is 2, 3, 0xA or 0xB). */
    public boolean deriveKeyTarget() {
        int v = writeConfig & 0xB;
        return v == 0x2 || v == 0x3 || v == 0xA || v == 0xB;
    }

    /** DeriveKey creates this slot's key from the slot named by WriteKey (WriteConfig & 0xB is 3 or 0xB). */
    public boolean deriveKeyFromWriteKey() {
        int v = writeConfig & 0xB;
        return v == 0x3 || v == 0xB;
    }

    public SlotConfig withReadKey(int v) { return new SlotConfig(v, noMac, limitedUse, encryptRead, isSecret, writeKey, writeConfig); }

    public SlotConfig withNoMac(boolean v) { return new SlotConfig(readKey, v, limitedUse, encryptRead, isSecret, writeKey, writeConfig); }

    public SlotConfig withLimitedUse(boolean v) { return new SlotConfig(readKey, noMac, v, encryptRead, isSecret, writeKey, writeConfig); }

    public SlotConfig withIsSecret(boolean v) { return new SlotConfig(readKey, noMac, limitedUse, encryptRead, v, writeKey, writeConfig); }

    public SlotConfig withWriteKey(int v) { return new SlotConfig(readKey, noMac, limitedUse, encryptRead, isSecret, v, writeConfig); }

    public SlotConfig withWriteConfig(int v) { return new SlotConfig(readKey, noMac, limitedUse, encryptRead, isSecret, writeKey, v); }

    /** The two stored bytes in hex, e.g. "87 64". */
    @Override public String toString() {
        return String.format("SlotConfig[%02x %02x]", raw() & 0xff, raw() >> 8);
    }

    static boolean bit(int v, int n) { return (v >> n & 1) != 0; }

    static int flag(boolean b, int n) { return b ? 1 << n : 0; }

    static void checkNibble(String name, int v) {
        if (v < 0 || v > 15) throw new IllegalArgumentException(name + " is 4 bits (0-15), got " + v);
    }
}
