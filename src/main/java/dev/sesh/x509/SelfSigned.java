package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Self-signed X.509 v3 certificates for a P-256 key, signed by an {@link EcSigner} (a key file, or
 * a chip slot so the key never leaves the chip): subject = issuer, valid from now for {@code days}
 * days, a random positive 128-bit serial, ecdsa-with-SHA256, the subject and authority key
 * identifiers and, when given, subject alternative names. Each certificate is checked against
 * the signer's public key before it is returned, so a chip whose slot holds another key cannot
 * produce a certificate that does not verify.
 */
public final class SelfSigned {
    /** The longest validity accepted, 100 years. */
    public static final int MAX_DAYS = 36_500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSigned() {}

    /** A certificate for {@code signer}'s key, valid from {@code now} for {@code days} days. */
    public static X509CertificateHolder build(EcSigner signer, X500Name subject, int days, Optional<GeneralNames> sans, Instant now) {
        if (days < 1 || days > MAX_DAYS) throw SeshException.badArg("--days " + days + " is out of range", "give 1 to " + MAX_DAYS + " days, e.g. --days 3650");
        Bytes xy = signer.publicKey();
        SubjectPublicKeyInfo spki = P256.spki(xy);
        Instant from = now.truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(subject, serial(), Date.from(from),
                Date.from(from.plus(Duration.ofDays(days))), subject, spki);
        try {
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(spki));
            if (sans.isPresent()) b.addExtension(Extension.subjectAlternativeName, false, sans.get());
        } catch (CertIOException e) {
            throw new IllegalStateException("certificate extension encoding failed", e);
        }
        X509CertificateHolder cert = b.build(new AteccContentSigner(signer));
        checkSignature(cert.getSignature(), tbs(cert), xy, signer);
        return cert;
    }

    /** Whether {@code cert} is signed by the P-256 key {@code xy} (ecdsa-with-SHA256). */
    public static boolean signedBy(X509CertificateHolder cert, Bytes xy) {
        try {
            return P256.verify(xy, AteccContentSigner.sha256(tbs(cert)), P256.rawSignature(cert.getSignature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void checkSignature(byte[] derSignature, byte[] signed, Bytes xy, EcSigner signer) {
        if (!P256.verify(xy, AteccContentSigner.sha256(signed), P256.rawSignature(derSignature))) {
            throw SeshException.failed("the signature from " + signer.describe() + " does not verify with its public key",
                    "the key may have changed while signing; run the command again");
        }
    }

    private static byte[] tbs(X509CertificateHolder cert) {
        try {
            return cert.toASN1Structure().getTBSCertificate().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    private static BigInteger serial() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[0] = (byte) ((b[0] & 0x7f) | 0x01);
        return new BigInteger(1, b);
    }
}
