package dev.sesh.atca.driver;

import java.util.Optional;

/**
 * The I2C master the chip driver talks through: the simulated bus, or a board's
 * {@code I2C.Write}/{@code I2C.Read} RPC methods (reference/atecc.md 1.10). Addresses are 7-bit.
 * A NACK is an ordinary answer (the chip NACKs while asleep, idle or busy), not an exception;
 * implementations throw only when the link itself fails.
 */
public interface I2cPort {
    /** START, address+W, {@code data}, STOP. False if the address or any byte was NACKed. */
    boolean write(int address, byte[] data);

    /** START, address+R, {@code len} bytes, STOP. Empty if the address was NACKed. */
    Optional<byte[]> read(int address, int len);

    /**
     * Holds SDA low for at least 60 us (reference/atecc.md 1.3). Default: a one-byte write of
     * {@code 00} to address 0x00, which does it at 100 kHz and is NACKed by design. A port whose
     * bus may run faster must drop to 100 kHz around it, as the Mongoose OS HAL does.
     */
    default void wakePulse() { write(0x00, new byte[] {0x00}); }
}
