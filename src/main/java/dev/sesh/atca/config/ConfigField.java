package dev.sesh.atca.config;

import java.util.function.Function;

/**
 * One named field of the config zone (reference/atecc.md 4.1, 5.1, 5.3), e.g. slot 0's
 * WriteConfig, with how to read it from a zone and how it can be changed.
 *
 * @param where  "config" or "slot N"
 * @param name   the data sheet's name for the zone's variant, e.g. "WriteConfig", "CountMatch"
 * @param offset the first config byte the field lives in
 * @param access how a host can change it before the config lock
 * @param words  the field's value in a zone, as text that differs whenever the field's bits differ
 */
public record ConfigField(String where, String name, int offset, Access access, Function<ConfigZone, String> words) {
    /** How a field can be changed (reference/atecc.md 4.2). */
    public enum Access {
        /** Write command while the config zone is unlocked (bytes 16-83, 88-127). */
        WRITE,
        /** UpdateExtra (bytes 84 and 85), allowed once while the byte is 0x00, also after the lock; irreversible. */
        UPDATE_EXTRA,
        /** Never by config writes: serial, revision, bytes 13-15 and the lock bytes (Lock command only). */
        READ_ONLY
    }

    /** The field's value in {@code zone} in words, e.g. "Encrypt(6)", "yes", "0xC0 (bus 0x60)". */
    public String value(ConfigZone zone) { return words.apply(zone); }

    @Override public String toString() { return where + " " + name; }
}
