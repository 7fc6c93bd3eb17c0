package dev.sesh.x509;

import dev.sesh.bytes.Bytes;

/**
 * A P-256 key that signs: in a chip slot ({@link SlotSigner}) or from a key file on this computer
 * ({@link FileKeySigner}). Digests are 32 bytes (SHA-256 of the message), signatures R || S (64
 * bytes, big-endian), public keys X || Y (64 bytes).
 */
public interface EcSigner {
    /** The public key X || Y. */
    Bytes publicKey();

    /** R || S over the 32-byte {@code digest}, used as it is (no further hashing). */
    Bytes signDigest(Bytes digest);

    /** Where the key is, for messages: "slot 0 of the chip", "ecc.key.pem". */
    String describe();
}
