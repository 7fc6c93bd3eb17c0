package dev.sesh.plan;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The boot-breaking and link-cutting combinations, as a pure function. */
class ConfigRulesTest {
    private static Map<String, Object> board(boolean i2c, boolean atca) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i2c.enable", i2c);
        m.put("i2c1.enable", false);
        m.put("sys.atca.enable", atca);
        m.put("sys.atca.i2c_bus", 0L);
        m.put("rpc.enable", true);
        m.put("rpc.uart.uart_no", 0L);
        m.put("rpc.uart.baud_rate", 115200L);
        return m;
    }

    @Test void atcaOnAStockBoardAddsI2c() {
        ConfigRules.Verdict v = ConfigRules.check(board(false, false), Map.of("sys.atca.enable", true), true);
        assertFalse(v.refused());
        assertEquals(Map.of("i2c.enable", true), v.fixes());
        assertEquals(Map.of("sys.atca.enable", true, "i2c.enable", true), v.apply(Map.of("sys.atca.enable", true)));
    }

    @Test void atcaOnBus1NeedsI2c1() {
        ConfigRules.Verdict v = ConfigRules.check(board(true, false), Map.of("sys.atca.enable", true, "sys.atca.i2c_bus", 1L), true);
        assertEquals(Map.of("i2c1.enable", true), v.fixes());
    }

    @Test void nothingToFixWhenI2cIsAlreadyOn() {
        ConfigRules.Verdict v = ConfigRules.check(board(true, false), Map.of("sys.atca.enable", "true"), true);
        assertFalse(v.refused());
        assertTrue(v.fixes().isEmpty());
    }

    @Test void turningI2cOffUnderAtcaIsRefused() {
        ConfigRules.Verdict v = ConfigRules.check(board(true, true), Map.of("i2c.enable", false), true);
        assertTrue(v.refused());
        assertTrue(v.refusal().get().message().startsWith("i2c.enable=false with sys.atca.enable=true"));
    }

    @Test void rpcUartChangesAreRefusedOnlyOverTheUart() {
        assertTrue(ConfigRules.check(board(true, false), Map.of("rpc.uart.baud_rate", 9600L), true).refused());
        assertTrue(ConfigRules.check(board(true, false), Map.of("rpc.uart.uart_no", "1"), true).refused());
        assertFalse(ConfigRules.check(board(true, false), Map.of("rpc.uart.baud_rate", 115200L), true).refused());
        assertFalse(ConfigRules.check(board(true, false), Map.of("rpc.uart.baud_rate", 9600L), false).refused());
        assertTrue(ConfigRules.check(board(true, false), Map.of("rpc.enable", false), false).refused());
    }

    @Test void flattenTurnsAConfigSetPatchIntoDottedKeys() {
        Map<String, Object> atca = Map.of("enable", true);
        Map<String, Object> patch = Map.of("sys", Map.of("atca", atca));
        assertEquals(Map.of("sys.atca.enable", true), ConfigRules.flatten(patch));
    }

    @Test void nonAsciiTextIsRefusedWithItsPosition() {
        ConfigRules.Verdict v = ConfigRules.check(board(true, false), Map.of("wifi.ap.ssid", "caf\u00e9"), false);
        assertTrue(v.refused());
        assertEquals("wifi.ap.ssid value has character U+00E9 at position 3: the firmware would send broken reply frames for it",
                v.refusal().get().message());
        assertFalse(ConfigRules.check(board(true, false), Map.of("wifi.ap.ssid", "cafe"), false).refused());
    }
}
