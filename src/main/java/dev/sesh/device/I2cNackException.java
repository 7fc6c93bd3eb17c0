package dev.sesh.device;

import dev.sesh.SeshException;

/**
 * Nothing acknowledged an I2C transfer (the board answered 503 {@code I2C read failed},
 * {@code I2C write failed}, {@code error reading value} or {@code error writing value}; mos-rpc.md
 * 4.5). The address, or a later byte, was NACKed: no target there, or a target that is asleep
 * (an ATECC) or busy (an EEPROM in its write cycle).
 */
public final class I2cNackException extends SeshException {
    private final int address;

    public I2cNackException(int address, String method, String hint) {
        super(String.format("nothing answered at 0x%02x (%s: NACK)", address, method), hint, FAILED);
        this.address = address;
    }

    /** The 7-bit address that was NACKed. */
    public int address() { return address; }
}
