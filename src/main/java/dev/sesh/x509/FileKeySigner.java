package dev.sesh.x509;

import dev.sesh.bytes.Bytes;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

import java.math.BigInteger;

/** A private key from a file, signing on this computer (deterministic ECDSA nonces, RFC 6979). */
public final class FileKeySigner implements EcSigner {
    private final PrivateKeyFile key;

    public FileKeySigner(PrivateKeyFile key) { this.key = key; }

    @Override public Bytes publicKey() { return key.publicKey(); }

    @Override public Bytes signDigest(Bytes digest) {
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        s.init(true, P256.privateParameters(key.scalar()));
        BigInteger[] rs = s.generateSignature(digest.toArray());
        return fixed(rs[0]).concat(fixed(rs[1]));
    }

    private static Bytes fixed(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return Bytes.of(out);
    }

    @Override public String describe() { return key.source(); }

    @Override public String toString() { return "FileKeySigner[" + key.source() + "]"; }
}
