package dev.sesh.atca.config;

import dev.sesh.SeshException;

/**
 * A data zone slot of the ATECC508A/608A: 0-15 (reference/atecc.md, data zone). Checks itself
 * (style.md rule 4), so a number that gets past the edge as a {@code Slot} names a real slot.
 */
public record Slot(int number) {
    /** How many slots the chip has. */
    public static final int COUNT = 16;

    public Slot {
        if (number < 0 || number >= COUNT) throw doesNotExist(String.valueOf(number));
    }

    public static Slot of(int number) { return new Slot(number); }

    /** Slot {@code number}, as the user wrote it ({@code asWritten}, e.g. {@code 0x10}) named in the error. */
    public static Slot of(int number, String asWritten) {
        if (number < 0 || number >= COUNT) throw doesNotExist(asWritten);
        return new Slot(number);
    }

    private static SeshException doesNotExist(String slot) {
        return SeshException.badArg("slot " + slot + " does not exist", "slots are 0-15");
    }
}
