package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.IPAddress;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code x509 show FILE} tells about a certificate (PEM or DER): subject, issuer, validity,
 * serial, subject alternative names, the key ("P-256", "an RSA key", ...), the SHA-256 fingerprint
 * of its SubjectPublicKeyInfo (the same fingerprint sesh's plans show for key files and chip slots)
 * and whether it is self-signed (its signature verifies with its own P-256 key).
 *
 * @param publicKey X || Y for a P-256 key, else empty
 */
public record CertView(String file, String subject, String issuer, Instant notBefore, Instant notAfter, String serial,
                       List<String> subjectAltNames, String key, String fingerprint, Bytes publicKey, boolean selfSigned) {
    public CertView { subjectAltNames = List.copyOf(subjectAltNames); }

    /** Reads the first certificate in {@code file}. */
    public static CertView read(Path file) { return of(file.toString(), load(file)); }

    /** The first certificate in {@code file}, PEM or DER. */
    public static X509CertificateHolder load(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw SeshException.badArg("no such file: " + file, "give the path of a certificate (PEM or DER)");
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", "check the file's permissions");
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        try {
            if (!text.contains("-----BEGIN")) return new X509CertificateHolder(raw);
            try (PEMParser p = new PEMParser(new StringReader(text))) {
                for (Object o = p.readObject(); o != null; o = p.readObject()) {
                    if (o instanceof X509CertificateHolder) return (X509CertificateHolder) o;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw SeshException.badArg(file + " is not a certificate sesh can read", "give a PEM (BEGIN CERTIFICATE) or DER certificate");
        }
        throw SeshException.badArg(file + " holds no certificate", "give a PEM (BEGIN CERTIFICATE) or DER certificate");
    }

    /** The view of {@code cert}; {@code file} names it. */
    public static CertView of(String file, X509CertificateHolder cert) {
        SubjectPublicKeyInfo spki = cert.getSubjectPublicKeyInfo();
        boolean p256 = KeyAlgorithms.isP256(spki.getAlgorithm());
        Bytes xy = p256 ? P256.xy(spki, file) : Bytes.EMPTY;
        return new CertView(file, cert.getSubject().toString(), cert.getIssuer().toString(), cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(), cert.getSerialNumber().toString(16), sans(cert), p256 ? "P-256" : KeyAlgorithms.describe(spki.getAlgorithm()),
                fingerprint(spki), xy, p256 && cert.getSubject().equals(cert.getIssuer()) && SelfSigned.signedBy(cert, xy));
    }

    /** Whether the certificate's key is the P-256 key {@code xy} (e.g. a chip slot's public key). */
    public boolean matches(Bytes xy) { return publicKey.length() == 64 && publicKey.equals(xy); }

    /** Whether {@code at} lies within the validity period. */
    public boolean validAt(Instant at) { return !at.isBefore(notBefore) && !at.isAfter(notAfter); }

    private static List<String> sans(X509CertificateHolder cert) {
        List<String> out = new ArrayList<>();
        Extension e = cert.getExtension(Extension.subjectAlternativeName);
        if (e == null) return out;
        for (GeneralName n : GeneralNames.getInstance(e.getParsedValue()).getNames()) {
            switch (n.getTagNo()) {
                case GeneralName.dNSName: out.add("DNS:" + n.getName()); break;
                case GeneralName.iPAddress: out.add("IP:" + ip(n)); break;
                case GeneralName.rfc822Name: out.add("email:" + n.getName()); break;
                case GeneralName.uniformResourceIdentifier: out.add("URI:" + n.getName()); break;
                default: out.add("other:" + n.getName());
            }
        }
        return out;
    }

    private static String ip(GeneralName n) {
        byte[] a = org.bouncycastle.asn1.DEROctetString.getInstance(n.getName()).getOctets();
        try {
            String s = java.net.InetAddress.getByAddress(a).getHostAddress();
            return IPAddress.isValid(s) ? s : Bytes.of(a).hex();
        } catch (java.net.UnknownHostException e) {
            return Bytes.of(a).hex();
        }
    }

    private static String fingerprint(SubjectPublicKeyInfo spki) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-256").digest(spki.getEncoded())).hex();
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("SHA-256 of the public key failed", e);
        }
    }
}
