package dev.sesh.atca;

import java.util.OptionalInt;

/**
 * The outcome of a zone or slot lock.
 *
 * @param what           "config zone", "data zone" or "slot N"
 * @param alreadyLocked  nothing was sent: the zone or slot was locked before (not a failure)
 * @param crc            the summary CRC the Lock command carried and the chip checked, if any
 * @param message        one line for the user, e.g. "config zone locked (CRC 0x80F1 accepted by the chip)"
 */
public record LockResult(String what, boolean alreadyLocked, OptionalInt crc, String message) {
    static LockResult already(String what) { return new LockResult(what, true, OptionalInt.empty(), what + ": already locked"); }
}
