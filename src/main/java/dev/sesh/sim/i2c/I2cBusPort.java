package dev.sesh.sim.i2c;

import dev.sesh.atca.driver.I2cPort;

import java.util.Optional;

/**
 * The chip driver's view of a simulated bus, as the Mongoose OS ATCA HAL drives it: plain writes
 * and reads, and a wake pulse sent as a one-byte {@code 00} write to address 0x00 with the bus
 * dropped to 100 kHz for it (reference/atecc.md 1.3), then restored.
 */
public final class I2cBusPort implements I2cPort {
    private final I2cBusModel bus;

    public I2cBusPort(I2cBusModel bus) { this.bus = bus; }

    @Override public boolean write(int address, byte[] data) { return bus.write(address, data); }

    @Override public Optional<byte[]> read(int address, int len) { return bus.read(address, len); }

    @Override public void wakePulse() {
        synchronized (bus) {
            int freq = bus.freqHz();
            bus.setFreqHz(I2cBusModel.DEFAULT_FREQ_HZ);
            try {
                bus.write(0x00, new byte[] {0x00});
            } finally {
                bus.setFreqHz(freq);
            }
        }
    }
}
