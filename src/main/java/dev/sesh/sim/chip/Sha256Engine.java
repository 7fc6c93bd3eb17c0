package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;
import java.io.ByteArrayOutputStream;

/**
 * SHA-256 with its state in the open, as the 608's SHA context read/write exposes it: a 4-byte
 * little-endian count of the bytes hashed so far, the eight state words H0-H7 each little-endian,
 * then the bytes of the unfinished block (36 to 99 bytes; the layout cryptoauthlib's sha_context
 * test shows for start + 5 bytes).
 */
final class Sha256Engine {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    private static final int[] H0 = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

    private final int[] h = H0.clone();
    private long count;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    void update(Bytes data) {
        for (int i = 0; i < data.length(); i++) {
            pending.write(data.get(i));
            count++;
            if (pending.size() == 64) {
                compress(pending.toByteArray());
                pending.reset();
            }
        }
    }

    /** Finishes the hash (padding) and returns the digest; the engine is spent afterwards. */
    Bytes digest() {
        long bits = count * 8;
        update(Bytes.ofInts(0x80));
        while (pending.size() != 56) update(Bytes.ofInts(0));
        byte[] len = new byte[8];
        for (int i = 0; i < 8; i++) len[i] = (byte) (bits >>> (56 - 8 * i));
        update(Bytes.of(len));
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) for (int j = 0; j < 4; j++) out[4 * i + j] = (byte) (h[i] >>> (24 - 8 * j));
        return Bytes.of(out);
    }

    /** The context as the 608 reads it out. */
    Bytes context() {
        byte[] out = new byte[36 + pending.size()];
        for (int j = 0; j < 4; j++) out[j] = (byte) (count >>> (8 * j));
        for (int i = 0; i < 8; i++) for (int j = 0; j < 4; j++) out[4 + 4 * i + j] = (byte) (h[i] >>> (8 * j));
        System.arraycopy(pending.toByteArray(), 0, out, 36, pending.size());
        return Bytes.of(out);
    }

    /** An engine restored from {@link #context()}; empty if the bytes are not a consistent context. */
    static java.util.Optional<Sha256Engine> fromContext(Bytes ctx) {
        if (ctx.length() < 36 || ctx.length() > 99) return java.util.Optional.empty();
        Sha256Engine e = new Sha256Engine();
        e.count = (ctx.get(0) | ctx.get(1) << 8 | ctx.get(2) << 16 | (long) ctx.get(3) << 24);
        if (e.count % 64 != ctx.length() - 36) return java.util.Optional.empty();
        for (int i = 0; i < 8; i++) e.h[i] = ctx.get(4 + 4 * i) | ctx.get(5 + 4 * i) << 8 | ctx.get(6 + 4 * i) << 16 | ctx.get(7 + 4 * i) << 24;
        e.pending.writeBytes(ctx.slice(36, ctx.length()).toArray());
        return java.util.Optional.of(e);
    }

    private void compress(byte[] block) {
        int[] w = new int[64];
        for (int t = 0; t < 16; t++) w[t] = (block[4 * t] & 0xff) << 24 | (block[4 * t + 1] & 0xff) << 16 | (block[4 * t + 2] & 0xff) << 8 | block[4 * t + 3] & 0xff;
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 64; t++) {
            int t1 = hh + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
}
