package dev.sesh.x509;

import dev.sesh.atca.PublicKeys;
import dev.sesh.atca.SecretBytes;
import dev.sesh.bytes.Bytes;

/**
 * A P-256 private key read from a file: the scalar (secret, 32 bytes big-endian), its public key
 * X || Y, and how the file was written ({@code format}: "PEM EC PRIVATE KEY", "PEM PRIVATE KEY
 * (PKCS#8)", "DER", "hex", "raw 32 bytes"). {@link #toString()} shows no key bytes.
 */
public record PrivateKeyFile(String source, String format, SecretBytes scalar, Bytes publicKey) {
    /** SHA-256 of the public key's SubjectPublicKeyInfo, 64 hex digits. */
    public String fingerprint() { return PublicKeys.fingerprint(publicKey); }

    /** "ecc.key.pem, public key SHA-256 7f3a...c21e". */
    public String describe() { return source + ", public key SHA-256 " + PublicKeys.shortFingerprint(publicKey); }

    @Override public String toString() { return "PrivateKeyFile[" + source + ", " + format + ", public key SHA-256 " + PublicKeys.shortFingerprint(publicKey) + "]"; }
}
