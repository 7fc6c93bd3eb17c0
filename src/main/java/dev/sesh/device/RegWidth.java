package dev.sesh.device;

import dev.sesh.SeshException;

import java.util.Locale;

/**
 * Register width for I2C.ReadRegB/W and WriteRegB/W (mos-rpc.md 4.5): {@code b} one byte,
 * {@code w} two bytes, big-endian on the wire (first byte is the high byte).
 */
public enum RegWidth {
    BYTE("b", 0xff, "I2C.ReadRegB", "I2C.WriteRegB"),
    WORD("w", 0xffff, "I2C.ReadRegW", "I2C.WriteRegW");

    private final String letter;
    private final int max;
    private final String readMethod;
    private final String writeMethod;

    RegWidth(String letter, int max, String readMethod, String writeMethod) {
        this.letter = letter;
        this.max = max;
        this.readMethod = readMethod;
        this.writeMethod = writeMethod;
    }

    /** {@code b}/{@code byte} or {@code w}/{@code word}, any case; refused with exit 2 otherwise. */
    public static RegWidth parse(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "b": case "byte": return BYTE;
            case "w": case "word": return WORD;
            default: throw SeshException.badArg("register width '" + text.strip() + "' is neither b nor w", "b reads or writes one byte, w two bytes (high byte first)");
        }
    }

    public String letter() { return letter; }

    /** Largest value a register of this width holds. */
    public int max() { return max; }

    String readMethod() { return readMethod; }

    String writeMethod() { return writeMethod; }

    /** The value as hex of the register's width: {@code 0x4b} or {@code 0x4b00}. */
    public String format(int value) { return String.format(this == BYTE ? "0x%02x" : "0x%04x", value); }

    /** The bytes an I2C write of {@code value} to register {@code reg} puts on the bus. */
    byte[] wireBytes(int reg, int value) {
        return this == BYTE ? new byte[] {(byte) reg, (byte) value} : new byte[] {(byte) reg, (byte) (value >> 8), (byte) value};
    }
}
