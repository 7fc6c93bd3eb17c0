package dev.sesh.sim.service;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.i2c.Eeprom24C02;
import dev.sesh.sim.i2c.I2cBusModel;
import dev.sesh.sim.i2c.Lm75;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class I2cServiceTest {
    private final VirtualClock clock = new VirtualClock();
    private final I2cBusModel bus0 = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
    private final I2cBusModel bus1 = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
    private final I2cService service = new I2cService(bus0, bus1);
    private List<String> log = List.of();

    I2cServiceTest() {
        bus0.attach(new Eeprom24C02(clock));
        bus0.attach(new Lm75());
    }

    private StubContext boot(Map<String, ?> config) {
        StubContext ctx = new StubContext(clock, config);
        service.busInit().init(ctx);
        ctx.methods = service.init(ctx);
        log = ctx.log;
        return ctx;
    }

    private StubContext enabled() { return boot(Map.of("i2c.enable", true)); }

    private static String call(StubContext ctx, String method, String params) { return ctx.call(method, params); }

    @Test void registersTheSevenMethodsInFirmwareOrderWithTheirFormats() {
        List<SimMethod> methods = enabled().methods;
        assertEquals(List.of("I2C.Scan", "I2C.Read", "I2C.Write", "I2C.ReadRegB", "I2C.ReadRegW", "I2C.WriteRegB", "I2C.WriteRegW"),
                methods.stream().map(SimMethod::name).toList());
        assertEquals(List.of("{bus: %d}", "{bus: %d, addr: %d, len: %d}", "{bus: %d, addr: %d, data_hex: %H}",
                        "{bus: %d, addr: %d, reg: %d}", "{bus: %d, addr: %d, reg: %d}",
                        "{bus: %d, addr: %d, reg: %d, value: %d}", "{bus: %d, addr: %d, reg: %d, value: %d}"),
                methods.stream().map(SimMethod::argsFmt).toList());
    }

    @Test void busInitLogsTheGpioLineOnlyForEnabledBuses() {
        boot(Map.of("i2c.enable", true, "i2c.freq", 400000));
        assertEquals(List.of("mgos_i2c_gpio_master.c:248 I2C GPIO init ok (SDA: 12, SCL: 14, freq: 400000)"), log);
        assertEquals(400_000, bus0.freqHz());
    }

    @Test void everyMethodAnswers503WhileTheBusIsDisabled() {
        StubContext ctx = boot(Map.of());
        assertTrue(log.isEmpty());
        assertEquals("503 I2C is disabled", call(ctx, "I2C.Scan", "{}"));
        assertEquals("503 I2C is disabled", call(ctx, "I2C.Read", "{\"addr\":80,\"len\":1}"));
        assertEquals("503 I2C is disabled", call(ctx, "I2C.Write", "{\"addr\":80,\"data_hex\":\"00\"}"));
        assertEquals("503 I2C is disabled", call(ctx, "I2C.ReadRegW", "{\"addr\":80,\"reg\":1}"));
        assertEquals("503 I2C is disabled", call(ctx, "I2C.WriteRegB", "{\"addr\":80,\"reg\":1,\"value\":2}"));
    }

    @Test void bus1IsDisabledUnlessI2c1IsEnabled() {
        StubContext ctx = enabled();
        assertEquals("503 I2C is disabled", call(ctx, "I2C.Scan", "{\"bus\":1}"));
        assertEquals("503 I2C is disabled", call(ctx, "I2C.Scan", "{\"bus\":7}"));
        ctx = boot(Map.of("i2c1.enable", true));
        assertEquals("[]", call(ctx, "I2C.Scan", "{\"bus\":1}"));
    }

    @Test void scanListsDecimalAddressesJoinedWithCommaSpace() {
        StubContext ctx = enabled();
        assertEquals("[72, 80]", call(ctx, "I2C.Scan", "{}"));
        assertEquals("[72, 80]", call(ctx, "I2C.Scan", "{\"bus\":0}"));
    }

    @Test void readReturnsLowerCaseHexFromTheCurrentAddress() {
        StubContext ctx = enabled();
        assertEquals("{\"data_hex\": \"00010203\"}", call(ctx, "I2C.Read", "{\"addr\":80,\"len\":4}"));
        assertEquals("null", call(ctx, "I2C.Write", "{\"addr\":80,\"data_hex\":\"fa\"}"));
        assertEquals("{\"data_hex\": \"fafbfcfd\"}", call(ctx, "I2C.Read", "{\"addr\":80,\"len\":4}"));
    }

    @Test void writeAcceptsUpperCaseAndIgnoresAnOddLastDigit() {
        StubContext ctx = enabled();
        assertEquals("null", call(ctx, "I2C.Write", "{\"addr\":80,\"data_hex\":\"20DEADBEEF\"}"));
        clock.advanceMillis(5);
        assertEquals("null", call(ctx, "I2C.Write", "{\"addr\":80,\"data_hex\":\"201\"}"));
        assertEquals("{\"data_hex\": \"deadbeef\"}", call(ctx, "I2C.Read", "{\"addr\":80,\"len\":4}"));
    }

    @Test void registerReadsAndWritesPutTheHighByteFirst() {
        StubContext ctx = enabled();
        assertEquals("null", call(ctx, "I2C.WriteRegW", "{\"addr\":80,\"reg\":64,\"value\":4660}"));
        clock.advanceMillis(5);
        assertEquals("{\"value\": 4660}", call(ctx, "I2C.ReadRegW", "{\"addr\":80,\"reg\":64}"));
        assertEquals("null", call(ctx, "I2C.WriteRegB", "{\"addr\":80,\"reg\":48,\"value\":90}"));
        clock.advanceMillis(5);
        assertEquals("{\"value\": 90}", call(ctx, "I2C.ReadRegB", "{\"addr\":80,\"reg\":48}"));
        assertEquals("{\"value\": 6400}", call(ctx, "I2C.ReadRegW", "{\"addr\":72,\"reg\":0}"));
    }

    @Test void numbersMayComeAsJsonStrings() {
        StubContext ctx = enabled();
        assertEquals("{\"value\": 32}", call(ctx, "I2C.ReadRegB", "{\"addr\":\"80\",\"reg\":\"32\"}"));
    }

    @Test void nackedAddressGivesEachMethodsOwnFailureText() {
        StubContext ctx = enabled();
        assertEquals("503 I2C read failed", call(ctx, "I2C.Read", "{\"addr\":51,\"len\":2}"));
        assertEquals("503 I2C write failed", call(ctx, "I2C.Write", "{\"addr\":51,\"data_hex\":\"00\"}"));
        assertEquals("503 error reading value", call(ctx, "I2C.ReadRegB", "{\"addr\":51,\"reg\":0}"));
        assertEquals("503 error reading value", call(ctx, "I2C.ReadRegW", "{\"addr\":51,\"reg\":0}"));
        assertEquals("503 error writing value", call(ctx, "I2C.WriteRegB", "{\"addr\":51,\"reg\":0,\"value\":1}"));
        assertEquals("503 error writing value", call(ctx, "I2C.WriteRegW", "{\"addr\":51,\"reg\":0,\"value\":1}"));
        assertEquals("503 I2C read failed", call(ctx, "I2C.Read", "{\"addr\":300,\"len\":2}"));
    }

    @Test void wakePulseWriteToAddressZeroFailsAsExpected() {
        StubContext ctx = enabled();
        assertEquals("503 I2C write failed", call(ctx, "I2C.Write", "{\"addr\":0,\"data_hex\":\"\"}"));
    }

    @Test void emptyDataHexIsAnAddressProbe() {
        StubContext ctx = enabled();
        assertEquals("null", call(ctx, "I2C.Write", "{\"addr\":72,\"data_hex\":\"\"}"));
    }

    @Test void missingArgumentsGive400WithTheFirmwareTexts() {
        StubContext ctx = enabled();
        assertEquals("400 addr and len are required", call(ctx, "I2C.Read", "{\"addr\":80}"));
        assertEquals("400 addr and len are required", call(ctx, "I2C.Read", "{\"len\":1}"));
        assertEquals("400 addr and data_hex are required", call(ctx, "I2C.Write", "{\"addr\":80}"));
        assertEquals("400 addr and reg are required", call(ctx, "I2C.ReadRegB", "{\"addr\":80}"));
        assertEquals("400 addr and reg are required", call(ctx, "I2C.ReadRegW", "{\"reg\":1}"));
        assertEquals("400 add, reg and value are required", call(ctx, "I2C.WriteRegB", "{\"addr\":80,\"reg\":1}"));
        assertEquals("400 add, reg and value are required", call(ctx, "I2C.WriteRegW", "\"not an object\""));
    }

    @Test void readLongerThan4096GivesMallocFailed() {
        StubContext ctx = enabled();
        assertEquals("500 malloc failed", call(ctx, "I2C.Read", "{\"addr\":80,\"len\":5000}"));
        assertTrue(call(ctx, "I2C.Read", "{\"addr\":80,\"len\":4096}").startsWith("{\"data_hex\": \""));
    }

    @Test void writeCycleOfTheEepromShowsAsAFailedWrite() {
        StubContext ctx = enabled();
        assertEquals("null", call(ctx, "I2C.WriteRegB", "{\"addr\":80,\"reg\":1,\"value\":2}"));
        assertEquals("503 error reading value", call(ctx, "I2C.ReadRegB", "{\"addr\":80,\"reg\":1}"));
        clock.advanceMillis(5);
        assertEquals("{\"value\": 2}", call(ctx, "I2C.ReadRegB", "{\"addr\":80,\"reg\":1}"));
    }

    @Test void scanTakesAbout25msOfBusTimeAt100kHz() {
        StubContext ctx = enabled();
        long t0 = clock.nanos();
        call(ctx, "I2C.Scan", "{}");
        assertEquals(119 * 210_000L, clock.nanos() - t0);
    }

    @Test void zeroLengthReadIsAnAddressProbeWithTheReadBit() {
        StubContext ctx = enabled();
        assertEquals("{\"data_hex\": \"\"}", call(ctx, "I2C.Read", "{\"addr\":80,\"len\":0}"));
        assertEquals("503 I2C read failed", call(ctx, "I2C.Read", "{\"addr\":81,\"len\":0}"));
    }

    @Test void busInitLogsOneLinePerEnabledBus() {
        StubContext ctx = new StubContext(clock, Map.of("i2c.enable", true, "i2c1.enable", true,
                "i2c1.sda_gpio", 4, "i2c1.scl_gpio", 5, "i2c1.freq", 400000));
        service.busInit().init(ctx);
        assertEquals(List.of("mgos_i2c_gpio_master.c:248 I2C GPIO init ok (SDA: 12, SCL: 14, freq: 100000)",
                "mgos_i2c_gpio_master.c:248 I2C GPIO init ok (SDA: 4, SCL: 5, freq: 400000)"), ctx.log);
        assertEquals(400_000, bus1.freqHz());
    }
}
