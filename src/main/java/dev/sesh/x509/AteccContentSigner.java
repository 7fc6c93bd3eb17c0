package dev.sesh.x509;

import dev.sesh.atca.Atecc;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Bouncy Castle {@link ContentSigner} for ecdsa-with-SHA256 whose signature comes from an
 * {@link EcSigner}: for certificates and requests signed by the chip ({@link #forSlot}), the
 * bytes to be signed are hashed here with SHA-256 and only the digest goes to the chip, which
 * returns R || S; this class turns that into the DER signature X.509 carries. The private key
 * never leaves the chip. One instance signs one structure.
 */
public final class AteccContentSigner implements ContentSigner {
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private final EcSigner signer;
    private final ByteArrayOutputStream toSign = new ByteArrayOutputStream();

    public AteccContentSigner(EcSigner signer) { this.signer = signer; }

    /** Signs with the key in {@code slot} of {@code atecc}. */
    public static AteccContentSigner forSlot(Atecc atecc, int slot) { return new AteccContentSigner(new SlotSigner(atecc, slot)); }

    @Override public AlgorithmIdentifier getAlgorithmIdentifier() { return ECDSA_SHA256; }

    @Override public OutputStream getOutputStream() { return toSign; }

    @Override public byte[] getSignature() { return P256.derSignature(signer.signDigest(sha256(toSign.toByteArray()))); }

    static Bytes sha256(byte[] data) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
