package dev.sesh.x509;

import dev.sesh.atca.SecretBytes;
import dev.sesh.SeshException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.KeyWriteResult;
import dev.sesh.atca.PublicKeys;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.LocalFileGuard;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code x509} object of scripts: what the x509 commands and {@code atca key set} do, as
 * methods. Keys are P-256; public keys X || Y (64 bytes); files are paths. Private keys are never
 * returned as bytes: {@link #readKey} gives a {@link PrivateKeyFile} whose text shows no key.
 * <pre>
 * def pub = atca.publicKey(0); x509.fingerprint(pub)
 * x509.selfsign('ecc.key.pem', 'ecc.crt.pem', subject: '/CN=test.acme.com', days: 3650, san: 'DNS:localhost')
 * x509.importKey(atca, 0, 'ecc.key.pem', 'slot4.key')
 * </pre>
 */
public final class X509Toolkit {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalFileGuard files;

    /** A toolkit that never replaces an existing file (no terminal to ask on). */
    public X509Toolkit() { this(LocalFileGuard.refusing()); }

    /** {@code files} decides whether {@link #selfsign} may replace an existing output file. */
    public X509Toolkit(LocalFileGuard files) { this.files = files; }

    /** SHA-256 of the public key's SubjectPublicKeyInfo, 64 hex digits (what plans and {@code x509 show} print). */
    public String fingerprint(Bytes xy) { return PublicKeys.fingerprint(xy); }

    /** A new P-256 key in a new file (mode 0600), as {@code x509 keygen}. */
    public PrivateKeyFile keygen(String out) { return KeyGen.generate(Path.of(out), new SecureRandom()); }

    /** The private key file {@code file} (any format of design.md 5.13). */
    public PrivateKeyFile readKey(String file) { return KeyFiles.readPrivate(Path.of(file)); }

    /** The P-256 public key X || Y in a public key, certificate, request or private key file. */
    public Bytes publicKey(String file) { return KeyFiles.readPublic(Path.of(file)); }

    /** What {@code x509 show} shows of the certificate in {@code file}. */
    public CertView show(String file) { return CertView.read(Path.of(file)); }

    /**
     * A self-signed certificate for the key in {@code key}, written to {@code out} as PEM; options
     * {@code subject} (required), {@code days} (default 365), {@code san} ("DNS:a,IP:b").
     */
    public CertView selfsign(Map<String, ?> options, String key, String out) {
        return write(SelfSigned.build(new FileKeySigner(KeyFiles.readPrivate(Path.of(key))), Names.subject(String.valueOf(options.get("subject"))),
                days(options), sans(options), Instant.now()), out);
    }

    /** As {@link #selfsign}, signed by the chip with the key in {@code slot}: the key never leaves the chip. */
    public CertView selfsignOnChip(Map<String, ?> options, Atecc atecc, int slot, String out) {
        return write(SelfSigned.build(new SlotSigner(atecc, slot), Names.subject(String.valueOf(options.get("subject"))),
                days(options), sans(options), Instant.now()), out);
    }

    /** A CSR for the key in {@code slot}, signed by the chip, as PEM text; options {@code subject}, {@code san}. */
    public String csr(Map<String, ?> options, Atecc atecc, int slot) {
        return CsrBuilder.pem(CsrBuilder.build(new SlotSigner(atecc, slot), Names.subject(String.valueOf(options.get("subject"))), sans(options)));
    }

    /**
     * {@code atca key set SLOT FILE [--write-key WKFILE] [--cert CERT]} in a script, with the same
     * arguments in the same order: {@code x509.importKey(atca, 0, 'ecc.key.pem', writeKey: 'slot4.key', cert: 'ecc.crt.pem')}.
     */
    public KeyWriteResult importKey(Map<String, ?> options, Atecc atecc, int slot, String file) {
        Optional<Path> wk = Optional.ofNullable(options.get("writeKey")).map(String::valueOf).map(Path::of);
        Optional<Path> cert = Optional.ofNullable(options.get("cert")).map(String::valueOf).map(Path::of);
        return KeyImport.set(atecc, slot, Path.of(file), wk, cert);
    }

    /** The 32-byte secret in a key file (hex text, as {@code openssl rand -hex 32} writes, or raw); prints as its name and length. */
    public SecretBytes readSecret(String file) { return KeyFiles.readSecret32(Path.of(file), "write key"); }

    /** SHA-256 of the parts in order (Bytes, byte[] or text as UTF-8): a digest to sign. */
    public Bytes sha256(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                if (p instanceof Bytes b) sha.update(b.toArray());
                else if (p instanceof byte[] a) sha.update(a);
                else if (p instanceof CharSequence t) sha.update(t.toString().getBytes(StandardCharsets.UTF_8));
                else throw SeshException.badArg("x509.sha256 takes bytes or text, not " + (p == null ? "null" : p.getClass().getSimpleName()),
                            "give Bytes, byte[] or a String");
            }
            return Bytes.of(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code n} random bytes from this computer's secure random source (e.g. a fresh message to sign). */
    public Bytes random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return Bytes.of(b);
    }

    /**
     * True if {@code signature} (R || S, 64 bytes, as {@code atca.sign} returns) is a valid P-256
     * signature of {@code digest} by {@code publicKey} (X || Y, or the path of a key, certificate or CSR file).
     */
    public boolean verify(Object publicKey, Bytes digest, Bytes signature) {
        Bytes xy = publicKey instanceof Bytes b ? b : KeyFiles.readPublic(Path.of(String.valueOf(publicKey)));
        return P256.verify(xy, digest, signature);
    }

    /** {@code atca key set SLOT FILE [--write-key WKFILE]}: through the gate, like the command. */
    public KeyWriteResult importKey(Atecc atecc, int slot, String file, String writeKeyFile) {
        return KeyImport.set(atecc, slot, Path.of(file), Optional.ofNullable(writeKeyFile).map(Path::of), Optional.empty());
    }

    /** As {@link #importKey(Atecc, int, String, String)} without a write key. */
    public KeyWriteResult importKey(Atecc atecc, int slot, String file) { return importKey(atecc, slot, file, null); }

    private CertView write(X509CertificateHolder cert, String out) {
        files.mayReplace(Path.of(out));
        try {
            Pem.write(Path.of(out), Pem.of("CERTIFICATE", cert.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
        return CertView.of(out, cert);
    }

    private static int days(Map<String, ?> options) {
        Object d = options.get("days");
        return d == null ? 365 : Integer.parseInt(String.valueOf(d));
    }

    private static Optional<org.bouncycastle.asn1.x509.GeneralNames> sans(Map<String, ?> options) {
        return Optional.ofNullable(options.get("san")).map(String::valueOf).map(Names::subjectAltNames);
    }

    @Override public String toString() { return "x509 (P-256 keys and certificates)"; }
}
