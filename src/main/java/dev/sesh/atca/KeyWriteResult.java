package dev.sesh.atca;

/**
 * What {@code atca key set} did.
 *
 * @param slot    the slot written
 * @param written false when the slot already held this key and nothing was sent
 * @param how     "encrypted PrivWrite", "PrivWrite in the clear", "encrypted Write", "Write in the clear"
 * @param checked whether the chip's public key was read back and matched (false: the slot's
 *                config does not give it, or it is a data slot that cannot be read back)
 * @param message the result line for the user
 */
public record KeyWriteResult(int slot, boolean written, String how, boolean checked, String message) {}
