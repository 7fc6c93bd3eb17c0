package dev.sesh.sim.i2c;

import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class I2cBusPortTest {
    @Test void wakePulseRunsAt100kHzEvenOnAFastBusAndRestoresTheClock() {
        I2cBusModel bus = new I2cBusModel(new VirtualClock(), 400_000);
        List<Long> lows = new ArrayList<>();
        bus.attach(new I2cTarget() {
            @Override public void sdaLow(long nanos) { lows.add(nanos); }
            @Override public boolean ackAddress(int address, boolean read) { return false; }
            @Override public int write(byte[] data) { return 0; }
            @Override public byte[] read(int len) { return new byte[len]; }
        });
        new I2cBusPort(bus).wakePulse();
        assertEquals(List.of(90_000L), lows);
        assertEquals(400_000, bus.freqHz());
    }
}
