package dev.sesh.x509;

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
