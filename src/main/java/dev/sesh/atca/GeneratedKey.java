package dev.sesh.atca;

import dev.sesh.bytes.Bytes;

/**
 * What {@code atca key gen} did.
 *
 * @param slot      the slot that holds the new key
 * @param publicKey its public key X || Y (64 bytes)
 * @param message   the line for the user, e.g. "generated a new P-256 key in slot 1"
 */
public record GeneratedKey(int slot, Bytes publicKey, String message) {}
