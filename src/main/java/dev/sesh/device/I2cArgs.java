package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Hex;

import java.util.List;

/**
 * Parsing and range checks for what users type for I2C (commands and scripts alike): numbers
 * as {@code 0x..} hex or decimal, data bytes as hex. Every refusal is a one-line
 * {@link SeshException} with exit code 2, thrown before anything is sent.
 */
public final class I2cArgs {
    /** Largest I2C.Read the firmware allocates a buffer for (mos-rpc.md 4.5: 500 malloc failed above). */
    public static final int MAX_READ = 4096;
    /** Largest write sesh sends: its hex form keeps the request well inside the device's 4096-byte frame (mos-rpc.md 1.7). */
    public static final int MAX_WRITE = 1024;

    private I2cArgs() {}

    /** {@code 0x1f}, {@code 0X1F} or {@code 31}; {@code what} names the argument in the error. */
    public static int number(String what, String text, String hint) {
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Integer.parseInt(t.substring(2), 16);
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw SeshException.badArg(what + " '" + t + "' is not a number", hint + " (hex as 0x.., or decimal)");
        }
    }

    /** A register number 0x00-0xff. */
    public static int register(String text) { return checkRegister(number("register", text, REG_HINT)); }

    /** A register value that fits {@code width}. */
    public static int value(String text, RegWidth width) {
        return checkValue(number("value", text, valueHint(width)), width);
    }

    /** A read length 1-4096. */
    public static int length(String text) { return checkLength(number("length", text, LEN_HINT)); }

    /**
     * Data bytes from hex words ({@code de ad be ef}) or one hex string ({@code deadbeef});
     * {@code 0x} prefixes, colons and commas are allowed. Refuses bad digits, an odd digit count,
     * no bytes and more than {@link #MAX_WRITE}.
     */
    public static Bytes data(List<String> words) {
        Bytes data;
        try {
            data = Bytes.of(Hex.parseLenient(String.join(" ", words)));
        } catch (IllegalArgumentException e) {
            throw SeshException.badArg("bad hex data: " + e.getMessage(), "give bytes as hex words (de ad be ef) or one hex string (deadbeef)");
        }
        return checkWriteLength(data);
    }

    static final String REG_HINT = "registers are 0x00-0xff";
    static final String LEN_HINT = "read 1-" + MAX_READ + " bytes";

    static int checkRegister(int reg) {
        if (reg < 0 || reg > 0xff) throw SeshException.badArg(String.format("register 0x%x is out of range", reg), REG_HINT);
        return reg;
    }

    static int checkValue(int value, RegWidth width) {
        if (value < 0 || value > width.max()) {
            throw SeshException.badArg("value " + value + " does not fit a " + (width == RegWidth.BYTE ? "byte" : "16-bit word"), valueHint(width));
        }
        return value;
    }

    static int checkLength(int len) {
        if (len < 1 || len > MAX_READ) throw SeshException.badArg("cannot read " + len + " bytes", LEN_HINT + " (the board allocates at most " + MAX_READ + ")");
        return len;
    }

    static Bytes checkWriteLength(Bytes data) {
        if (data.length() == 0) throw SeshException.badArg("no data bytes to write", "give at least one byte; i2c scan probes addresses without data");
        if (data.length() > MAX_WRITE) {
            throw SeshException.badArg("cannot write " + data.length() + " bytes in one transfer", "write at most " + MAX_WRITE + " bytes at a time");
        }
        return data;
    }

    private static String valueHint(RegWidth width) {
        return width == RegWidth.BYTE ? "a byte register takes 0-255 (0x00-0xff)" : "a word register takes 0-65535 (0x0000-0xffff)";
    }
}
