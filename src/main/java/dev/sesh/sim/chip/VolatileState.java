package dev.sesh.sim.chip;

import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * Chip state lost on sleep and watchdog expiry but kept across idle (reference/atecc.md 1.2):
 * TempKey, the 608 message digest buffer and alternate key buffer, the SHA context, the 608
 * persistent latch and the last CheckMac authorisation.
 */
final class VolatileState {
    TempKey tempKey = TempKey.INVALID;
    Optional<Bytes> messageDigest = Optional.empty();
    Optional<Bytes> altKey = Optional.empty();
    /** The SHA engine of a running SHA start/update; empty when no SHA is running. */
    Optional<Sha256Engine> sha = Optional.empty();
    /** The key of a running HMAC (its outer pass needs it at the end); empty for plain SHA. */
    Optional<Bytes> hmacKey = Optional.empty();
    /**
     * The 608 persistent latch (Info VolKeyPermit): survives sleep and idle, lost only at power-up,
     * which for the model is a new chip object; so {@link #clear()} keeps it.
     */
    boolean persistentLatch;
    /** SecureBoot mode bit 6 ran: SecureBoot is refused until power-up (kept across sleep, as the latch). */
    boolean secureBootProhibited;
    /** Slot whose key a CheckMac matched since the last wake from sleep (authorises the latch), or -1. */
    int authorizedKey = -1;

    void clear() {
        tempKey = TempKey.INVALID;
        messageDigest = Optional.empty();
        altKey = Optional.empty();
        sha = Optional.empty();
        hmacKey = Optional.empty();
        authorizedKey = -1;
    }
}
