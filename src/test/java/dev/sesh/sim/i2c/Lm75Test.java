package dev.sesh.sim.i2c;

import dev.sesh.bytes.Hex;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Lm75Test {
    private final I2cBusModel bus = new I2cBusModel(new VirtualClock(), I2cBusModel.DEFAULT_FREQ_HZ);
    private final Lm75 sensor = new Lm75();

    Lm75Test() { bus.attach(sensor); }

    private String reg(int r, int len) { return Hex.of(bus.writeRead(0x48, new byte[] {(byte) r}, len).orElseThrow()); }

    @Test void powerOnRegistersAreTemperatureConfigHysteresisAndOvertemp() {
        assertEquals("1900", reg(Lm75.TEMP, 2));
        assertEquals("00", reg(Lm75.CONFIG, 1));
        assertEquals("4b00", reg(Lm75.THYST, 2));
        assertEquals("5000", reg(Lm75.TOS, 2));
    }

    @Test void temperatureIsNinesBitsInHalfDegreesTwoComplement() {
        sensor.setTemperature(-25.5);
        assertEquals("e680", reg(Lm75.TEMP, 2));
        sensor.setTemperature(125.0);
        assertEquals("7d00", reg(Lm75.TEMP, 2));
    }

    @Test void writesSetConfigAndLimitsButNotTemperature() {
        bus.write(0x48, Hex.parse("0106"));
        bus.write(0x48, Hex.parse("035580"));
        bus.write(0x48, Hex.parse("00aaaa"));
        assertEquals("06", reg(Lm75.CONFIG, 1));
        assertEquals("5580", reg(Lm75.TOS, 2));
        assertEquals("1900", reg(Lm75.TEMP, 2));
    }

    @Test void lowBitsBelowHalfDegreeAreDropped() {
        bus.write(0x48, Hex.parse("02127f"));
        assertEquals(0x1200, sensor.register(Lm75.THYST));
    }

    @Test void currentPointerReadRepeatsTheRegister() {
        bus.write(0x48, new byte[] {Lm75.TOS});
        assertEquals("50005000", Hex.of(bus.read(0x48, 4).orElseThrow()));
    }
}
