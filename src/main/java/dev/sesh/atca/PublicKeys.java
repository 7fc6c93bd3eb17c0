package dev.sesh.atca;

import dev.sesh.bytes.Bytes;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * P-256 public keys as the chip gives them: X || Y, two 32-byte big-endian coordinates
 * (reference/atecc.md 8.1). Their SubjectPublicKeyInfo (the DER inside a PEM "PUBLIC KEY") is the
 * fixed prime256v1 prefix and the uncompressed point 04 || X || Y; the fingerprint sesh shows is
 * the SHA-256 of that DER, lower-case hex (the value {@code openssl pkey -pubin -outform der |
 * sha256sum} prints).
 */
public final class PublicKeys {
    // SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING (66 bytes: 00 04 X Y) }
    private static final Bytes SPKI_PREFIX = Bytes.ofHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private PublicKeys() {}

    /** The DER SubjectPublicKeyInfo (91 bytes) of {@code xy} (64 bytes). */
    public static Bytes spki(Bytes xy) {
        check(xy);
        return SPKI_PREFIX.concat(Bytes.of((byte) 0x04)).concat(xy);
    }

    /** SHA-256 of the SubjectPublicKeyInfo, 64 hex digits. */
    public static String fingerprint(Bytes xy) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-256").digest(spki(xy).toArray())).hex();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The fingerprint shortened for plans and one-line messages: "7f3a...c21e". */
    public static String shortFingerprint(Bytes xy) {
        String f = fingerprint(xy);
        return f.substring(0, 4) + "..." + f.substring(f.length() - 4);
    }

    private static void check(Bytes xy) {
        if (xy.length() != 64) throw new IllegalArgumentException("a P-256 public key is X || Y, 64 bytes, not " + xy.length());
    }
}
