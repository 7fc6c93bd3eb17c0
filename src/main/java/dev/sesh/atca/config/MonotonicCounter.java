package dev.sesh.atca.config;

import dev.sesh.bytes.Bytes;

import java.util.OptionalInt;

/**
 * The 8-byte encoding of a monotonic counter in config bytes 52-59 / 60-67 (reference/atecc.md 4.7):
 * lin_a, lin_b, bin_a, bin_b, each 16-bit big-endian. Count 0 is {@code FF FF FF FF 00 00 00 00}.
 */
public final class MonotonicCounter {
    public static final int MAX = 2_097_151;

    private MonotonicCounter() {}

    /** The 8 bytes for count {@code v} (0..{@value #MAX}). */
    public static Bytes encode(int v) {
        if (v < 0 || v > MAX) throw new IllegalArgumentException("counter value " + v + " outside 0.." + MAX);
        int linA = 0xFFFF >> (v % 32);
        int linB = v >= 16 ? 0xFFFF >> ((v - 16) % 32) : 0xFFFF;
        int binA = v / 32;
        int binB = v >= 16 ? (v - 16) / 32 : 0;
        return Bytes.ofInts(linA >> 8, linA, linB >> 8, linB, binA >> 8, binA, binB >> 8, binB);
    }

    /** The count these 8 bytes encode, or empty if they are not a valid encoding. */
    public static OptionalInt decode(Bytes b) {
        if (b.length() != 8) throw new IllegalArgumentException("a counter is 8 bytes, got " + b.length());
        int binA = b.get(4) << 8 | b.get(5);
        for (int k = 0; k < 32; k++) {
            int v = binA * 32 + k;
            if (v <= MAX && encode(v).equals(b)) return OptionalInt.of(v);
        }
        return OptionalInt.empty();
    }
}
