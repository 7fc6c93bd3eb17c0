package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DeviceConfig against the simulated board (mos-rpc.md 4.3, 5.2). */
class DeviceConfigTest {
    private final SimLink link = new SimLink();

    @AfterEach void close() { link.close(); }

    private DeviceConfig config() { return link.board().config(); }

    private static Map<String, String> kv(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    @Test
    void getReturnsPlainJavaValuesByType() {
        assertEquals("80", config().get("http.listen_addr"));
        assertEquals(Boolean.TRUE, config().get("i2c.enable"));
        assertEquals(12L, config().get("i2c.sda_gpio"));
        assertInstanceOf(Map.class, config().get("sys.atca"));
        assertEquals(96L, ((Map<?, ?>) config().get("sys.atca")).get("i2c_addr"));
    }

    @Test
    void keysAreDottedLeavesAndFillTheCompletionCache() {
        assertTrue(config().cachedKeys().isEmpty());
        List<String> keys = config().keys();
        assertTrue(keys.containsAll(List.of("http.ssl_cert", "i2c.enable", "sys.atca.i2c_addr", "wifi.sta.ssid")), keys.toString());
        assertFalse(keys.contains("http"));
        assertEquals(keys, config().cachedKeys());
    }

    @Test
    void setWithRebootSavesWaitsForTheBoardAndGetShowsTheNewValue() {
        ConfigSetResult r = config().set(kv("http.listen_addr", ":443", "http.ssl_key", "ATCA:0", "sys.atca.enable", "true"), true);
        assertEquals(List.of("http.listen_addr", "http.ssl_key", "sys.atca.enable"), r.changed());
        assertTrue(r.saved());
        assertTrue(r.rebooted());
        assertTrue(r.backAfter().get().toMillis() >= 500, r.toString());
        assertEquals(":443", config().get("http.listen_addr"));
        assertEquals(Boolean.TRUE, config().get("sys.atca.enable"));
        assertTrue(link.board().methods().contains("ATCA.GetConfig"), "ATCA enabled at boot, so the reboot happened");
        Plan plan = link.plans.get(0);
        assertEquals(new Change.ConfigKeyChange("http.listen_addr", "80", ":443", false), plan.changes().get(0));
        assertEquals(new Change.ConfigKeyChange("http.ssl_key", "\"\"", "ATCA:0", false), plan.changes().get(1));
        assertInstanceOf(Change.Reboot.class, plan.changes().get(3));
        assertTrue(plan.title().contains("reboot"), plan.title());
    }

    @Test
    void setWithoutRebootSavesOnly() {
        ConfigSetResult r = config().set(kv("debug.level", "3"), false);
        assertFalse(r.rebooted());
        assertEquals(3L, config().get("debug.level"));
        assertTrue(link.plans.get(0).changes().stream().noneMatch(c -> c instanceof Change.Reboot));
        assertEquals(List.of(new ConfigDiffEntry("debug.level", "2", "3")),
                config().diff(8).stream().filter(d -> d.key().startsWith("debug")).toList());
    }

    @Test
    void unchangedValuesAreNotSentAndNeedNoPlan() {
        ConfigSetResult r = config().set(kv("i2c.enable", "true", "http.listen_addr", "80"), true);
        assertTrue(r.changed().isEmpty());
        assertTrue(link.plans.isEmpty());
    }

    @Test
    void unknownKeyNamesTheClosestKeysAndSendsNothing() {
        SeshException e = assertThrows(SeshException.class, () -> config().set(kv("http.ssl_crt", "x.pem"), true));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("unknown config key 'http.ssl_crt'"), e.getMessage());
        assertTrue(e.hint().contains("http.ssl_cert"), e.hint());
        assertTrue(link.plans.isEmpty());
    }

    @Test
    void groupGivenAsKeyIsRefused() {
        SeshException e = assertThrows(SeshException.class, () -> config().set(kv("http", "x"), true));
        assertTrue(e.getMessage().contains("group"), e.getMessage());
    }

    @Test
    void wrongTypesAreRefusedOneLineEachAndNothingIsSent() {
        SeshException b = assertThrows(SeshException.class, () -> config().set(kv("i2c.enable", "yes"), true));
        assertEquals("i2c.enable is a boolean; 'yes' is not", b.getMessage());
        SeshException i = assertThrows(SeshException.class, () -> config().set(kv("i2c.freq", "fast"), true));
        assertEquals("i2c.freq is an integer; 'fast' is not", i.getMessage());
        assertEquals(2, i.exitCode());
        assertThrows(SeshException.class, () -> config().set(kv("i2c.freq", "1.5"), true));
        assertThrows(SeshException.class, () -> config().set(kv("i2c.freq", "99999999999"), true));
        assertTrue(link.plans.isEmpty());
        assertEquals(100000L, config().get("i2c.freq"));
    }

    @Test
    void hexIntegersAreAcceptedAsTheDeviceDoes() {
        config().set(kv("sys.atca.i2c_addr", "0x61"), false);
        assertEquals(97L, config().get("sys.atca.i2c_addr"));
    }

    @Test
    void secretValuesAreHiddenInThePlan() {
        config().set(kv("wifi.sta.pass", "s3cret"), false);
        assertFalse(link.plans.get(0).lines().toString().contains("s3cret"));
        assertTrue(config().diff(8).contains(new ConfigDiffEntry("wifi.sta.pass", "(hidden)", "(hidden)")), config().diff(8).toString());
    }

    @Test
    void diffAgainstFactoryLevelTreatsTheAppsCompiledInDefaultsAsDefaults() {
        assertTrue(config().diff(0).stream().noneMatch(e -> e.key().equals("i2c.enable")), "i2c.enable=true is compiled in (issue 24)");
        config().set(kv("i2c.freq", "400000"), false);
        assertTrue(config().diff(0).contains(new ConfigDiffEntry("i2c.freq", "100000", "400000")), config().diff(0).toString());
    }

    @Test
    void getOfUnknownKeyIsInputError() {
        SeshException e = assertThrows(SeshException.class, () -> config().get("wifi.sta.sid"));
        assertEquals(2, e.exitCode());
        assertTrue(e.hint().contains("wifi.sta.ssid"), e.hint());
    }
}
