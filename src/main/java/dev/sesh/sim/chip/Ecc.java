package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/** P-256 for the chip model (Bouncy Castle lightweight API). Keys and points are 32-byte big-endian. */
final class Ecc {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private Ecc() {}

    /** True if {@code d} is a usable private scalar: 1 <= d < n. */
    static boolean validScalar(Bytes d) {
        BigInteger v = new BigInteger(1, d.toArray());
        return v.signum() > 0 && v.compareTo(DOMAIN.getN()) < 0;
    }

    static Bytes randomScalar(SecureRandom rng) {
        BigInteger d;
        do {
            d = new BigInteger(256, rng);
        } while (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0);
        return fixed(d);
    }

    /** X || Y of d*G. */
    static Bytes publicKey(Bytes d) {
        ECPoint q = DOMAIN.getG().multiply(new BigInteger(1, d.toArray())).normalize();
        return xy(q);
    }

    /** The point X || Y if it lies on the curve. */
    static Optional<ECPoint> point(Bytes xy) {
        try {
            ECPoint p = DOMAIN.getCurve().createPoint(new BigInteger(1, xy.slice(0, 32).toArray()), new BigInteger(1, xy.slice(32, 64).toArray()));
            return p.isValid() ? Optional.of(p) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * ECDSA over an already-hashed 32-byte message; R || S. The nonce k is RFC 6979's deterministic
     * one (HMAC-SHA256 over the key and the digest), never the chip's RNG stream: a simulated board
     * reopened with the same seed replays that stream, and two signatures with one k give the key away.
     */
    static Bytes sign(Bytes d, Bytes digest) {
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        s.init(true, new ECPrivateKeyParameters(new BigInteger(1, d.toArray()), DOMAIN));
        BigInteger[] rs = s.generateSignature(digest.toArray());
        return fixed(rs[0]).concat(fixed(rs[1]));
    }

    static boolean verify(ECPoint q, Bytes digest, Bytes rs) {
        BigInteger r = new BigInteger(1, rs.slice(0, 32).toArray());
        BigInteger s = new BigInteger(1, rs.slice(32, 64).toArray());
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return v.verifySignature(digest.toArray(), r, s);
    }

    /** X coordinate of d*Q, or empty if the result is the point at infinity. */
    static Optional<Bytes> ecdh(Bytes d, ECPoint q) {
        ECPoint p = q.multiply(new BigInteger(1, d.toArray())).normalize();
        if (p.isInfinity()) return Optional.empty();
        return Optional.of(fixed(p.getAffineXCoord().toBigInteger()));
    }

    private static Bytes xy(ECPoint q) { return fixed(q.getAffineXCoord().toBigInteger()).concat(fixed(q.getAffineYCoord().toBigInteger())); }

    private static Bytes fixed(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return Bytes.of(out);
    }
}
