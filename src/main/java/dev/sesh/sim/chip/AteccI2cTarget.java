package dev.sesh.sim.chip;

import dev.sesh.sim.i2c.I2cTarget;

/**
 * Puts an {@link AteccChip} on the simulated I2C bus. The chip answers at the address from config
 * byte 16 (0xC0 -> 0x60), latched at each wake from sleep; a START that holds SDA low for at least
 * 60 us (a transfer to 0x00-0x03 at <= 100 kHz) wakes it.
 */
public final class AteccI2cTarget implements I2cTarget {
    private final AteccChip chip;

    public AteccI2cTarget(AteccChip chip) { this.chip = chip; }

    public AteccChip chip() { return chip; }

    @Override public void sdaLow(long nanos) { chip.sdaLow(nanos); }

    @Override public boolean ackAddress(int address, boolean read) { return chip.ackAddress(address, read); }

    @Override public int write(byte[] data) { return chip.write(data); }

    @Override public byte[] read(int len) { return chip.read(len); }
}
