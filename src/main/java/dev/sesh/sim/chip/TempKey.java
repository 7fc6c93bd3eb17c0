package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;

/**
 * The TempKey register and its flags (reference/atecc.md 3.2). Immutable; the chip replaces it.
 * {@code toString} hides the value.
 */
public record TempKey(Bytes value, boolean valid, boolean sourceFlag, boolean genDigData, boolean genKeyData, int keyId, boolean noMacFlag) {
    public static final TempKey INVALID = new TempKey(Bytes.of(new byte[32]), false, false, false, false, 0, false);

    /** After a random Nonce: SourceFlag 0, no GenDig/GenKey data. */
    public static TempKey fromRandomNonce(Bytes v) { return new TempKey(v, true, false, false, false, 0, false); }

    /** After a pass-through Nonce: SourceFlag 1. */
    public static TempKey fromPassThrough(Bytes v) { return new TempKey(v, true, true, false, false, 0, false); }

    /** The first 32 bytes (a 608 TempKey may hold 64). */
    public Bytes first32() { return value.slice(0, 32); }

    @Override public String toString() {
        return "TempKey[valid=" + valid + ", source=" + (sourceFlag ? 1 : 0) + ", genDig=" + genDigData + ", genKey=" + genKeyData
                + ", keyId=" + keyId + ", noMac=" + noMacFlag + "]";
    }
}
