package dev.sesh.sim.i2c;

import dev.sesh.bytes.Clock;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class I2cBusModelTest {
    private final VirtualClock clock = new VirtualClock();
    private final I2cBusModel bus = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);

    /** Records every call so tests can check the transfer shape. */
    static final class Probe implements I2cTarget {
        final int address;
        final List<String> calls = new ArrayList<>();
        final List<Long> lows = new ArrayList<>();
        int ackBytes = Integer.MAX_VALUE;

        Probe(int address) { this.address = address; }

        @Override public void sdaLow(long nanos) { lows.add(nanos); }

        @Override public boolean ackAddress(int a, boolean read) {
            if (a != address) return false;
            calls.add((read ? "R" : "W") + a);
            return true;
        }

        @Override public int write(byte[] data) {
            calls.add("w" + data.length);
            return Math.min(ackBytes, data.length);
        }

        @Override public byte[] read(int len) {
            calls.add("r" + len);
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) b[i] = (byte) (0xA0 + i);
            return b;
        }

        @Override public void stop() { calls.add("P"); }
    }

    @Test void scanFindsExactlyTheAttachedTargetsAscending() {
        bus.attach(new Probe(0x60));
        bus.attach(new Probe(0x48));
        bus.attach(new Eeprom24C02(clock));
        assertEquals(List.of(0x48, 0x50, 0x60), bus.scan());
    }

    @Test void scanProbesEveryAddressFromOneTo0x77WithAPauseEach() {
        Probe p = new Probe(0x77);
        bus.attach(p);
        long t0 = clock.nanos();
        bus.scan();
        assertEquals(0x77, p.lows.size());
        // per probe: START 10 us + address 90 us + STOP 10 us + pause 100 us at 100 kHz
        assertEquals(0x77 * 210_000L, clock.nanos() - t0);
        assertEquals(List.of("W119", "P"), p.calls.subList(p.calls.size() - 2, p.calls.size()));
    }

    @Test void registerReadUsesRepeatedStartWithoutStopBetween() {
        Probe p = new Probe(0x33);
        bus.attach(p);
        byte[] got = bus.writeRead(0x33, new byte[] {5}, 2).orElseThrow();
        assertArrayEquals(new byte[] {(byte) 0xA0, (byte) 0xA1}, got);
        assertEquals(List.of("W51", "w1", "R51", "r2", "P"), p.calls);
    }

    @Test void zeroLengthWriteIsAPureAddressProbe() {
        Probe p = new Probe(0x33);
        bus.attach(p);
        assertTrue(bus.write(0x33, new byte[0]));
        assertEquals(List.of("W51", "P"), p.calls);
    }

    @Test void unansweredAddressFailsReadAndWriteButStillStops() {
        Probe p = new Probe(0x33);
        bus.attach(p);
        assertFalse(bus.write(0x34, new byte[] {1}));
        assertTrue(bus.read(0x34, 1).isEmpty());
        assertTrue(bus.writeRead(0x34, new byte[] {1}, 1).isEmpty());
        assertEquals(List.of("P", "P", "P"), p.calls);
    }

    @Test void dataNackFailsTheWrite() {
        Probe p = new Probe(0x33);
        p.ackBytes = 1;
        bus.attach(p);
        assertFalse(bus.write(0x33, new byte[] {1, 2, 3}));
        assertTrue(bus.writeRead(0x33, new byte[] {1, 2}, 1).isEmpty());
        assertFalse(p.calls.contains("r1"));
    }

    @Test void startToLowAddressesHoldsSdaLowLongEnoughToWakeAtecc() {
        Probe p = new Probe(0x60);
        bus.attach(p);
        for (int a = 0; a <= 4; a++) bus.write(a, new byte[0]);
        // (leading zero bits of the address byte + 1) bit times of 10 us
        assertEquals(List.of(90_000L, 70_000L, 60_000L, 60_000L, 50_000L), p.lows);
    }

    @Test void fasterClockShortensTheLowPulseBelowTheWakeTime() {
        Probe p = new Probe(0x60);
        bus.attach(p);
        bus.setFreqHz(400_000);
        bus.write(0, new byte[0]);
        assertEquals(List.of(22_500L), p.lows);
    }

    @Test void readChargesWireTimeAtTheBusClock() {
        bus.attach(new Probe(0x33));
        long t0 = clock.nanos();
        bus.read(0x33, 4);
        assertEquals(470_000L, clock.nanos() - t0);
    }

    @Test void onARealClockTheBusSleepsWholeMillisecondsAndCarriesTheRest() {
        List<Long> sleeps = new ArrayList<>();
        long[] now = {0};
        Clock real = new Clock() {
            @Override public long nanos() { return now[0]; }
            @Override public void sleepNanos(long n) { sleeps.add(n); now[0] += n; }
        };
        I2cBusModel b = new I2cBusModel(real, I2cBusModel.DEFAULT_FREQ_HZ);
        b.scan();
        assertTrue(sleeps.stream().allMatch(n -> n % 1_000_000L == 0), sleeps.toString());
        // 119 x 210 us = 24.99 ms: 24 whole milliseconds slept, 0.99 ms carried to the next transfer
        assertEquals(24_000_000L, now[0]);
        b.read(0x50, 1);
        assertEquals(25_000_000L, now[0]);
    }
}
