package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.atca.PublicKeys;
import dev.sesh.atca.SecretBytes;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

import java.io.IOException;
import java.math.BigInteger;

/**
 * P-256 (prime256v1, secp256r1) arithmetic and encodings sesh needs on the host, with Bouncy
 * Castle: the public key of a scalar, scalars as 32 big-endian bytes (left-padded, design.md
 * 5.13), ECDSA verification of a raw digest, and signatures as R || S (64 bytes, the chip's form,
 * reference/atecc.md 8.2) or DER (X.509's form).
 */
public final class P256 {
    /** The curve's OID, 1.2.840.10045.3.1.7. */
    public static final ASN1ObjectIdentifier OID = SECObjectIdentifiers.secp256r1;
    private static final X9ECParameters CURVE = CustomNamedCurves.getByOID(OID);
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private P256() {}

    /** Whether {@code d} is a private key: 1 <= d < n. */
    public static boolean validScalar(BigInteger d) { return d.signum() > 0 && d.compareTo(CURVE.getN()) < 0; }

    /** {@code d} as exactly 32 big-endian bytes; {@code source} names the key in the error if it does not fit. */
    static SecretBytes scalar32(BigInteger d, String source) {
        if (!validScalar(d)) {
            throw SeshException.badArg(source + " is not a valid P-256 private key (zero, or not below the curve order)",
                    KeyFiles.makeKey(source));
        }
        byte[] raw = d.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return new SecretBytes(source, Bytes.of(out));
    }

    /** The public key X || Y (64 bytes) of the 32-byte scalar. */
    public static Bytes publicKey(SecretBytes scalar) {
        ECPoint q = CURVE.getG().multiply(new BigInteger(1, scalar.bytes().toArray())).normalize();
        return Bytes.of(q.getAffineXCoord().getEncoded()).concat(Bytes.of(q.getAffineYCoord().getEncoded()));
    }

    /** X || Y as an X.509 SubjectPublicKeyInfo. */
    public static SubjectPublicKeyInfo spki(Bytes xy) {
        return SubjectPublicKeyInfo.getInstance(PublicKeys.spki(xy).toArray());
    }

    /** X || Y of a P-256 SubjectPublicKeyInfo; {@code what} names it in the error otherwise. */
    static Bytes xy(SubjectPublicKeyInfo info, String what) {
        if (!KeyAlgorithms.isP256(info.getAlgorithm())) {
            throw SeshException.badArg(what + " holds " + KeyAlgorithms.describe(info.getAlgorithm()) + ", not a P-256 key",
                    "the ATECC works with P-256 (prime256v1) keys only");
        }
        byte[] point = info.getPublicKeyData().getOctets();
        try {
            ECPoint q = CURVE.getCurve().decodePoint(point).normalize();
            return Bytes.of(q.getAffineXCoord().getEncoded()).concat(Bytes.of(q.getAffineYCoord().getEncoded()));
        } catch (IllegalArgumentException e) {
            throw SeshException.badArg(what + " holds a public key that is not a point on P-256", "check the file");
        }
    }

    /** Bouncy Castle's private key parameters for the scalar (for signing on the host). */
    static ECPrivateKeyParameters privateParameters(SecretBytes scalar) {
        return new ECPrivateKeyParameters(new BigInteger(1, scalar.bytes().toArray()), DOMAIN);
    }

    /**
     * Whether {@code rs} (R || S, 64 bytes) is a valid ECDSA signature of the 32-byte {@code digest}
     * by public key {@code xy}. The digest is used as it is, as the chip does (no hashing here).
     */
    public static boolean verify(Bytes xy, Bytes digest, Bytes rs) {
        if (rs.length() != 64) return false;
        ECPoint q;
        try {
            q = CURVE.getCurve().decodePoint(Bytes.of((byte) 4).concat(xy).toArray());
        } catch (IllegalArgumentException e) {
            return false;
        }
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return v.verifySignature(digest.toArray(), new BigInteger(1, rs.slice(0, 32).toArray()), new BigInteger(1, rs.slice(32, 64).toArray()));
    }

    /** R || S (64 bytes) as the DER SEQUENCE { INTEGER r, INTEGER s } X.509 and TLS carry. */
    public static byte[] derSignature(Bytes rs) {
        if (rs.length() != 64) throw new IllegalArgumentException("R || S is 64 bytes, not " + rs.length());
        try {
            return new DERSequence(new ASN1Integer[] {
                    new ASN1Integer(new BigInteger(1, rs.slice(0, 32).toArray())),
                    new ASN1Integer(new BigInteger(1, rs.slice(32, 64).toArray()))}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    /** A DER ECDSA signature as R || S (64 bytes). */
    public static Bytes rawSignature(byte[] der) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        Bytes r = fixed32(ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue());
        return r.concat(fixed32(ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue()));
    }

    private static Bytes fixed32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return Bytes.of(out);
    }
}
