package dev.sesh.atca.host;

import dev.sesh.bytes.Bytes;

/**
 * The 608's IO protection of KDF and ECDH outputs (as cryptoauthlib's io-decrypt helper undoes it):
 * each 32-byte block {@code b} of the output is XORed with SHA-256(IO protection key 32 ||
 * OutNonce[16b .. 16b+15]). The same function encrypts and decrypts.
 */
public final class IoProtection {
    private IoProtection() {}

    public static Bytes apply(Bytes ioKey, Bytes outNonce, Bytes data) {
        if (data.length() % 32 != 0 || data.length() > 64) throw new IllegalArgumentException("IO protection covers 32 or 64 bytes, got " + data.length());
        byte[] out = data.toArray();
        for (int block = 0; block < data.length() / 32; block++) {
            Bytes pad = Digests.message().add(ioKey.slice(0, 32)).add(outNonce.slice(16 * block, 16 * block + 16)).sha256();
            for (int i = 0; i < 32; i++) out[32 * block + i] ^= (byte) pad.get(i);
        }
        return Bytes.of(out);
    }
}
