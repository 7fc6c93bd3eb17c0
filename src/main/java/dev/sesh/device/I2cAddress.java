package dev.sesh.device;

import dev.sesh.SeshException;

import java.util.Locale;
import java.util.Optional;

/**
 * A 7-bit I2C target address a user may name: 0x08-0x77 (0x00-0x07 and 0x78-0x7f are reserved
 * by the I2C specification and never probed by I2C.Scan, mos-rpc.md 4.5). {@code eightBit} is
 * true when the user gave the 8-bit form (address shifted left by one, R/W bit 0), which
 * {@link #parse} accepts with a warning.
 */
public record I2cAddress(int value, boolean eightBit) {
    public static final int FIRST = 0x08;
    public static final int LAST = 0x77;
    static final String RANGE_HINT = "give a 7-bit address 0x08-0x77 (0x60 or 96); i2c scan lists the ones that answer";

    public I2cAddress {
        if (value < FIRST || value > LAST) {
            throw SeshException.badArg(String.format("I2C address 0x%02x is out of range", value), RANGE_HINT);
        }
    }

    /** A 7-bit address given as such. */
    public static I2cAddress of(int value) { return new I2cAddress(value, false); }

    /**
     * Reads {@code 0x60}, {@code 0X60} or {@code 96}. An even number 0x80-0xfe is taken as the
     * 8-bit form and halved (0xc0 -> 0x60); anything else outside 0x08-0x77 is refused (exit 2).
     */
    public static I2cAddress parse(String text) {
        int n = I2cArgs.number("I2C address", text, RANGE_HINT);
        if (n >= FIRST && n <= LAST) return new I2cAddress(n, false);
        if (n >= 0x80 && n <= 0xfe && n % 2 == 0) {
            int seven = n >> 1;
            if (seven > LAST) {
                throw SeshException.badArg(String.format("I2C address 0x%02x read as 8-bit is 0x%02x, a reserved address", n, seven), RANGE_HINT);
            }
            return new I2cAddress(seven, true);
        }
        String t = text.strip();
        String shown = t.toLowerCase(Locale.ROOT).startsWith("0x") ? t : t + String.format(" (0x%02x)", n);
        throw SeshException.badArg("I2C address " + shown + " is out of range", RANGE_HINT);
    }

    /** The line to show when the 8-bit form was given, e.g. "warning: 0xc0 is an 8-bit address; using 7-bit 0x60". */
    public Optional<String> warning() {
        if (!eightBit) return Optional.empty();
        return Optional.of(String.format("warning: 0x%02x is the 8-bit form (address << 1); using the 7-bit address 0x%02x", value << 1, value));
    }

    /** E.g. {@code 0x60}. */
    @Override public String toString() { return String.format("0x%02x", value); }
}
