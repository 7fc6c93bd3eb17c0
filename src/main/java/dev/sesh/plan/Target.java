package dev.sesh.plan;

import dev.sesh.bytes.Bytes;

import java.util.Objects;

/**
 * Which board and chip a plan changes, for the prompt and the audit log. {@code serial} is the
 * chip's 9-byte serial number (config bytes 0-3 and 8-12), or empty when not known; {@code chip}
 * is e.g. "ATECC508A", or empty.
 */
public record Target(String port, String boardId, String chip, Bytes serial) {
    public Target {
        Objects.requireNonNull(port); Objects.requireNonNull(boardId); Objects.requireNonNull(chip); Objects.requireNonNull(serial);
        if (serial.length() != 0 && serial.length() != 9) {
            throw new IllegalArgumentException("a chip serial is 9 bytes, not " + serial.length());
        }
    }

    /** A board whose chip is not known (yet). */
    public static Target board(String port, String boardId) { return new Target(port, boardId, "", Bytes.EMPTY); }

    public Target withChip(String chip, Bytes serial) { return new Target(port, boardId, chip, serial); }

    public boolean hasSerial() { return serial.length() == 9; }

    /**
     * The four hex digits of SN[6..7], the part that differs between chips (design.md 5.10:
     * SN[0..1] is 01 23 and SN[8] is EE on every chip); empty if the serial is not known.
     */
    public String serialTag() { return hasSerial() ? serial.slice(6, 8).hex() : ""; }

    /** E.g. "ATECC508A S/N 012352aad1bbf378ee", or "the board esp8266_0A1B2C" when the chip is not known. */
    public String describe() {
        if (hasSerial()) return (chip.isEmpty() ? "chip" : chip) + " S/N " + serial.hex();
        if (!chip.isEmpty()) return chip;
        return boardId.isEmpty() ? "the board on " + port : "the board " + boardId;
    }
}
