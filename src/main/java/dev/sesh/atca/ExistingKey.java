package dev.sesh.atca;

import dev.sesh.bytes.Bytes;

/**
 * What a private-key slot holds before GenKey or PrivWrite replaces it, as far as sesh can tell
 * by asking the chip for the slot's public key (GenKey mode 0, which changes nothing).
 *
 * @param kind      {@link Kind#KEY}: the chip computed a public key; {@link Kind#NONE}: it refused
 *                  because the slot holds no valid key; {@link Kind#UNKNOWN}: sesh cannot ask
 * @param publicKey X || Y when {@code kind} is KEY, else empty
 * @param why       for UNKNOWN, why sesh cannot tell; else empty
 */
record ExistingKey(Kind kind, Bytes publicKey, String why) {
    enum Kind { KEY, NONE, UNKNOWN }

    static ExistingKey key(Bytes xy) { return new ExistingKey(Kind.KEY, xy, ""); }

    static ExistingKey none() { return new ExistingKey(Kind.NONE, Bytes.EMPTY, ""); }

    static ExistingKey unknown(String why) { return new ExistingKey(Kind.UNKNOWN, Bytes.EMPTY, why); }

    /** Whether replacing the slot may destroy a key forever (design.md 5.9). */
    boolean mayBeKey() { return kind != Kind.NONE; }

    /** One plan line about what the change does to the slot's present contents. */
    String note(int slot) {
        switch (kind) {
            case KEY: return "slot " + slot + " holds a key now (public key SHA-256 " + PublicKeys.shortFingerprint(publicKey) + "): it is gone forever after this";
            case UNKNOWN: return "slot " + slot + " may hold a key (" + why + "): a key there is gone forever after this";
            default: return "slot " + slot + " holds no valid key now (the chip computes no public key for it)";
        }
    }
}
