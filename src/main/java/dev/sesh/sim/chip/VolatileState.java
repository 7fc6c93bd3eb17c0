package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Chip state lost on sleep and watchdog expiry but kept across idle (reference/atecc.md 1.2):
 * TempKey, the 608 message digest buffer and alternate key buffer, the SHA context, the 608
 * volatile key permit latch.
 */
final class VolatileState {
    TempKey tempKey = TempKey.INVALID;
    Optional<Bytes> messageDigest = Optional.empty();
    Optional<Bytes> altKey = Optional.empty();
    /** Bytes hashed so far by SHA start/update; empty when no SHA is running. */
    Optional<ByteArrayOutputStream> sha = Optional.empty();
    /** Slot whose key an HMAC in progress uses, or -1 for plain SHA. */
    int shaHmacSlot = -1;
    boolean volatileKeyPermit;

    void clear() {
        tempKey = TempKey.INVALID;
        messageDigest = Optional.empty();
        altKey = Optional.empty();
        sha = Optional.empty();
        shaHmacSlot = -1;
        volatileKeyPermit = false;
    }
}
