package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.atca.SecretBytes;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads key files in the formats of design.md 5.13: PEM (SEC1 "EC PRIVATE KEY", with or without a
 * leading "EC PARAMETERS" block as {@code openssl ecparam -genkey} writes it, and PKCS#8
 * "PRIVATE KEY"), DER of either, hex text (what {@code openssl rand -hex 32} writes; pairs of hex
 * digits with any whitespace, ':' or "0x" between them) and raw bytes. Private keys must be P-256;
 * scalars are left-padded to 32 bytes. Anything else is refused with one line that names the
 * problem and the fix (exit 2), and no message ever contains key bytes.
 */
public final class KeyFiles {
    /** The hint for a file that holds no usable key: commands that write a new file beside it, never over it. */
    static String makeKey(String nameOfBadFile) {
        Path fresh = NewFiles.beside(Path.of(nameOfBadFile), "new-key", "pem");
        return "make one with x509 keygen " + fresh + ", or openssl ecparam -name prime256v1 -genkey -noout -out " + fresh;
    }

    /** The hint for a 32-byte secret: openssl writing a file that does not exist yet (issue 16: never over the user's key). */
    static String makeSecret(Path nearFile, String what) {
        return "openssl rand -hex 32 > " + NewFiles.beside(nearFile, what.replace(' ', '-'), "hex") + " makes a new " + what + " file";
    }

    private KeyFiles() {}

    /** The P-256 private key in {@code file}. */
    public static PrivateKeyFile readPrivate(Path file) {
        String name = file.toString();
        byte[] raw = read(file);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN")) return fromPem(name, text);
        Optional<Bytes> hex = hexText(name, text);
        if (hex.isPresent()) return fromScalarBytes(name, "hex", hex.get(), "hex digits");
        if (raw.length > 0 && raw[0] == 0x30 && raw.length > 40) return fromDer(name, raw);
        if (raw.length == 32) return fromScalarBytes(name, "raw 32 bytes", Bytes.of(raw), "bytes");
        throw notAKey(name);
    }

    /**
     * A 32-byte secret such as a write key: hex text ({@code openssl rand -hex 32}) or 32 raw
     * bytes. {@code what} names it in messages ("write key").
     */
    public static SecretBytes readSecret32(Path file, String what) {
        SecretBytes s = readData(file, what);
        if (s.length() != 32) {
            throw SeshException.badArg(file + " holds " + s.length() + " bytes; a " + what + " is 32 bytes (64 hex digits)",
                    makeSecret(file, what));
        }
        return s;
    }

    /** Key data for a data slot: hex text, or raw bytes when the file is not hex text. */
    public static SecretBytes readData(Path file, String what) {
        String name = file.toString();
        byte[] raw = read(file);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN")) {
            throw SeshException.badArg(name + " is a PEM file; a " + what + " is hex text or raw bytes", makeSecret(file, what));
        }
        Optional<Bytes> hex = hexText(name, text);
        if (hex.isPresent()) return new SecretBytes(name, hex.get());
        if (raw.length == 0) throw SeshException.badArg(name + " is empty", makeSecret(file, what));
        if (looksLikeText(raw)) {
            throw SeshException.badArg(name + " is text but not hex digits", "a " + what + " is written as hex: " + makeSecret(file, what));
        }
        return new SecretBytes(name, Bytes.of(raw));
    }

    /** The P-256 public key X || Y in {@code file}: a PEM/DER public key, a certificate, a CSR, or a private key file. */
    public static Bytes readPublic(Path file) {
        String name = file.toString();
        byte[] raw = read(file);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN")) {
            try (PEMParser p = new PEMParser(new StringReader(text))) {
                for (Object o = p.readObject(); o != null; o = p.readObject()) {
                    if (o instanceof SubjectPublicKeyInfo) return P256.xy((SubjectPublicKeyInfo) o, name);
                    if (o instanceof X509CertificateHolder) return P256.xy(((X509CertificateHolder) o).getSubjectPublicKeyInfo(), name);
                    if (o instanceof PKCS10CertificationRequest) return P256.xy(((PKCS10CertificationRequest) o).getSubjectPublicKeyInfo(), name);
                }
            } catch (IOException | RuntimeException e) {
                // a private key PEM, or a damaged one: the private reader says which
            }
            return readPrivate(file).publicKey();
        }
        try {
            return P256.xy(SubjectPublicKeyInfo.getInstance(raw), name);
        } catch (IllegalArgumentException e) {
            throw SeshException.badArg(name + " is not a public key, certificate or private key sesh can read", "give a PEM file (PUBLIC KEY, CERTIFICATE or EC PRIVATE KEY)");
        }
    }

    private static PrivateKeyFile fromPem(String name, String text) {
        ASN1ObjectIdentifier namedCurve = null;
        try (PEMParser p = new PEMParser(new StringReader(text))) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof ASN1ObjectIdentifier) {
                    namedCurve = (ASN1ObjectIdentifier) o;
                } else if (o instanceof X9ECParameters) {
                    throw wrongCurve(name, "explicit curve parameters");
                } else if (o instanceof PEMKeyPair) {
                    return fromPrivateKeyInfo(name, "PEM EC PRIVATE KEY", ((PEMKeyPair) o).getPrivateKeyInfo(), namedCurve);
                } else if (o instanceof PrivateKeyInfo) {
                    return fromPrivateKeyInfo(name, "PEM PRIVATE KEY (PKCS#8)", (PrivateKeyInfo) o, namedCurve);
                } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw SeshException.badArg(name + " is an encrypted (password-protected) private key",
                            "decrypt it first, into a new file: openssl ec -in " + name + " -out " + NewFiles.beside(Path.of(name), "plain-key", "pem") + ", and keep that file private");
                } else if (o instanceof SubjectPublicKeyInfo) {
                    throw SeshException.badArg(name + " holds a public key, not a private key", "give the private key file (EC PRIVATE KEY)");
                } else if (o instanceof X509CertificateHolder || o instanceof PKCS10CertificationRequest) {
                    throw SeshException.badArg(name + " is a certificate or request, not a private key", "give the private key file (EC PRIVATE KEY)");
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw SeshException.badArg(name + " is a damaged PEM file (its base64 or ASN.1 does not parse)", makeKey(name));
        }
        throw SeshException.badArg(name + " holds no private key block", "a P-256 key PEM has a BEGIN EC PRIVATE KEY or BEGIN PRIVATE KEY line");
    }

    private static PrivateKeyFile fromDer(String name, byte[] der) {
        ASN1Primitive top;
        try {
            top = ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw notAKey(name);
        }
        if (!(top instanceof ASN1Sequence)) throw notAKey(name);
        ASN1Sequence seq = (ASN1Sequence) top;
        try {
            if (seq.size() >= 3 && seq.getObjectAt(1) instanceof ASN1Sequence) return fromPrivateKeyInfo(name, "DER PRIVATE KEY (PKCS#8)", PrivateKeyInfo.getInstance(seq), null);
            ECPrivateKey ec = ECPrivateKey.getInstance(seq);
            return fromEc(name, "DER EC PRIVATE KEY", ec, ec.getParametersObject());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw notAKey(name);
        }
    }

    private static PrivateKeyFile fromPrivateKeyInfo(String name, String format, PrivateKeyInfo info, ASN1ObjectIdentifier pemCurve) {
        AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
        if (!alg.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            throw SeshException.badArg(name + " holds " + KeyAlgorithms.describe(alg) + "; the ATECC stores only P-256 (prime256v1) keys", makeKey(name));
        }
        ECPrivateKey ec;
        try {
            ec = ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | RuntimeException e) {
            throw SeshException.badArg(name + " holds a damaged EC private key", makeKey(name));
        }
        ASN1Encodable params = alg.getParameters() != null ? alg.getParameters() : ec.getParametersObject();
        if (params == null) params = pemCurve;
        return fromEc(name, format, ec, params);
    }

    private static PrivateKeyFile fromEc(String name, String format, ECPrivateKey ec, ASN1Encodable params) {
        if (params == null) params = curveFromPublicKey(name, ec);
        if (!P256.OID.equals(params)) throw wrongCurve(name, KeyAlgorithms.curveName(params));
        SecretBytes scalar = P256.scalar32(ec.getKey(), name);
        Bytes pub = P256.publicKey(scalar);
        if (ec.getPublicKey() != null) {
            byte[] stored = ec.getPublicKey().getOctets();
            if (stored.length == 65 && !Bytes.of(stored).equals(Bytes.of((byte) 4).concat(pub))) {
                throw SeshException.badArg(name + " is inconsistent: its public key is not the one of its private key", "the file is damaged; export the key again");
            }
        }
        return new PrivateKeyFile(name, format, scalar, pub);
    }

    // A SEC1 key without its curve (as Java's own encoding writes it): the sizes of the embedded public
    // key, or of the private key octets (RFC 5915: the size of the curve order), name the curve.
    private static ASN1Encodable curveFromPublicKey(String name, ECPrivateKey ec) {
        int pub = ec.getPublicKey() == null ? 0 : ec.getPublicKey().getOctets().length;
        int priv = ASN1OctetString.getInstance(ASN1Sequence.getInstance(ec.toASN1Primitive()).getObjectAt(1)).getOctets().length;
        if (pub == 65 || pub == 33) return P256.OID;
        if (pub == 97 || pub == 49 || pub == 0 && priv == 48) throw wrongCurve(name, "secp384r1");
        if (pub == 133 || pub == 67 || pub == 0 && priv == 66) throw wrongCurve(name, "secp521r1");
        throw SeshException.badArg(name + " does not say which curve its key is on", "export it with its curve into a new file: openssl ec -in " + name + " -param_out -out " + NewFiles.beside(Path.of(name), "with-curve.key", "pem"));
    }

    // 32 bytes, or 33 with a leading zero as a sign byte (mos trims it too; reference/atecc.md 7.6).
    private static PrivateKeyFile fromScalarBytes(String name, String format, Bytes value, String unit) {
        Bytes v = value.length() == 33 && value.get(0) == 0 ? value.slice(1, 33) : value;
        if (v.length() != 32) {
            String count = unit.equals("hex digits") ? (value.length() * 2) + " hex digits (" + value.length() + " bytes)" : value.length() + " bytes";
            throw SeshException.badArg(name + " holds " + count + "; a P-256 private key is 32 bytes (64 hex digits)", makeKey(name));
        }
        SecretBytes scalar = P256.scalar32(new java.math.BigInteger(1, v.toArray()), name);
        return new PrivateKeyFile(name, format, scalar, P256.publicKey(scalar));
    }

    /** The bytes of hex text, or empty if {@code text} is not hex digits with separators; an odd digit count is an error. */
    static Optional<Bytes> hexText(String name, String text) {
        StringBuilder digits = new StringBuilder();
        String t = text.strip();
        if (t.isEmpty()) return Optional.empty();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '0' && i + 1 < t.length() && (t.charAt(i + 1) == 'x' || t.charAt(i + 1) == 'X')) {
                i++;
            } else if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            } else if (!Character.isWhitespace(c) && c != ':' && c != ',') {
                return Optional.empty();
            }
        }
        if (digits.length() % 2 != 0) throw SeshException.badArg(name + " holds an odd number of hex digits (" + digits.length() + ")", "hex keys are whole bytes: 64 digits for 32 bytes");
        return Optional.of(Bytes.ofHex(digits.toString()));
    }

    private static boolean looksLikeText(byte[] raw) {
        for (byte b : raw) if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7f) return false;
        return true;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw SeshException.badArg("no such file: " + file, "give the path of a key file");
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", "check the file's permissions");
        }
    }

    private static SeshException wrongCurve(String name, String curve) {
        return SeshException.badArg(name + " is a key on " + curve + "; the ATECC stores only P-256 (prime256v1) keys", makeKey(name));
    }

    private static SeshException notAKey(String name) {
        return SeshException.badArg(name + " is not a key file sesh can read",
                "use PEM (EC PRIVATE KEY or PRIVATE KEY), DER, 64 hex digits, or 32 raw bytes");
    }
}
