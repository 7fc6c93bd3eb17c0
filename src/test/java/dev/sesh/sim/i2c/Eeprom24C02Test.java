package dev.sesh.sim.i2c;

import dev.sesh.bytes.Hex;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Eeprom24C02Test {
    private final VirtualClock clock = new VirtualClock();
    private final I2cBusModel bus = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
    private final Eeprom24C02 eeprom = new Eeprom24C02(clock);

    Eeprom24C02Test() { bus.attach(eeprom); }

    private String read(int len) { return Hex.of(bus.read(0x50, len).orElseThrow()); }

    private void waitWriteCycle() { clock.advanceMillis(5); }

    @Test void startsFilledWithItsOwnAddressesAndReadsFromPointerZero() {
        assertEquals("00010203", read(4));
        assertEquals("0405", read(2));
    }

    @Test void pointerOnlyWriteSetsTheCurrentAddress() {
        assertTrue(bus.write(0x50, new byte[] {0x10}));
        assertEquals("10111213", read(4));
    }

    @Test void sequentialReadWrapsAt256() {
        bus.write(0x50, new byte[] {(byte) 0xFE});
        assertEquals("feff0001", read(4));
    }

    @Test void pageWriteIsReadBackAfterTheWriteCycle() {
        assertTrue(bus.write(0x50, Hex.parse("20deadbeef")));
        waitWriteCycle();
        assertEquals("deadbeef24", Hex.of(bus.writeRead(0x50, new byte[] {0x20}, 5).orElseThrow()));
    }

    @Test void pageWriteWrapsInsideItsEightBytePage() {
        assertTrue(bus.write(0x50, Hex.parse("06aabbccdd")));
        waitWriteCycle();
        bus.write(0x50, new byte[] {0});
        assertEquals("ccdd02030405aabb", read(8));
    }

    @Test void nacksItsAddressDuringTheWriteCycle() {
        bus.write(0x50, Hex.parse("3001"));
        clock.advanceMillis(4);
        assertTrue(bus.read(0x50, 1).isEmpty());
        assertFalse(bus.write(0x50, new byte[] {0x30}));
        clock.advanceMillis(1);
        assertEquals("01", Hex.of(bus.writeRead(0x50, new byte[] {0x30}, 1).orElseThrow()));
    }

    @Test void pointerWriteAloneStartsNoWriteCycle() {
        bus.write(0x50, new byte[] {0x40});
        assertEquals("40", read(1));
    }

    @Test void repeatedStartAbandonsAnUncommittedPageWrite() {
        assertTrue(bus.writeRead(0x50, Hex.parse("1099"), 1).isPresent());
        bus.write(0x50, new byte[] {0x10});
        assertEquals("10", read(1));
    }
}
