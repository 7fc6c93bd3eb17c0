package dev.sesh.sim.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.fs.FlashFs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimConfigTest {
    /** What the board's identity does for MAC 5C:CF:7F:0A:1B:2C. */
    static final UnaryOperator<String> EXPAND = s -> s.replace("??????", "0A1B2C");
    /** Enough of the firmware's quoting for ASCII without quotes or backslashes. */
    static final UnaryOperator<String> QUOTE = s -> "\"" + s + "\"";

    FlashFs fs;
    SimConfig config;
    List<String> log = new ArrayList<>();
    ConfigLog sink = (e, f, l, m) -> log.add((e ? "E " : "") + f + ":" + l + " " + m);

    @BeforeEach void freshBoard() {
        fs = FlashFs.inMemory(FlashFs.factoryImage(), new VirtualClock());
        config = new SimConfig(Esp8266Schema.get(), fs, QUOTE);
        config.boot(EXPAND, sink);
    }

    String ok(ConfigReply r) {
        assertTrue(r instanceof ConfigReply.Ok, () -> "expected a result, got " + r);
        return ((ConfigReply.Ok) r).body();
    }

    ConfigReply set(String json) { return config.set(Optional.empty(), Optional.of(json), -1, false, false, sink); }

    String file(String name) { return new String(fs.read(name).orElseThrow(), StandardCharsets.ISO_8859_1); }

    @Test void expandsDeviceIdFromMacAtBootButNotAtLevelZero() {
        assertEquals("\"esp8266_0A1B2C\"", ok(config.get(Optional.of("device.id"), -1)));
        assertEquals("\"esp8266_??????\"", ok(config.get(Optional.of("device.id"), 0)));
        assertEquals("\"Mongoose_??????\"", ok(config.get(Optional.of("wifi.ap.ssid"), -1)));
    }

    @Test void printsScalarsBareAndSubtreesCompactInSchemaOrder() {
        assertEquals("4096", ok(config.get(Optional.of("rpc.max_frame_size"), -1)));
        assertEquals("false", ok(config.get(Optional.of("i2c.enable"), -1)));
        assertEquals("{\"atca\":{\"enable\":false,\"i2c_bus\":0,\"i2c_addr\":96,\"ecdh_slots_mask\":12},"
                + "\"tz_spec\":\"\",\"wdt_timeout\":30,\"pref_ota_lib\":\"\"}", ok(config.get(Optional.of("sys"), -1)));
        assertTrue(ok(config.get(Optional.empty(), -1)).startsWith("{\"debug\":{\"udp_log_addr\":\"\",\"udp_log_level\":3,"));
    }

    @Test void unknownKeyIsNotFound() {
        assertEquals(new ConfigReply.Fail(404, "invalid config key"), config.get(Optional.of("nope.nothing"), -1));
        assertEquals(new ConfigReply.Fail(404, "invalid config key"),
                config.set(Optional.of("device.nope"), Optional.of("\"x\""), -1, false, false, sink));
    }

    @Test void setChangesLiveConfigAtOnceButNotBootConfig() {
        assertEquals("{\"saved\": false}", ok(set("{\"i2c\":{\"enable\":true}}")));
        assertTrue(config.liveConfig().bool("i2c.enable"));
        assertFalse(config.bootConfig().bool("i2c.enable"));
    }

    @Test void unknownKeysInsideConfigAreIgnored() {
        assertEquals("{\"saved\": false}", ok(set("{\"nope\":{\"x\":1},\"device\":{\"sn\":\"A\",\"zz\":2}}")));
        assertEquals("A", config.liveConfig().string("device.sn"));
    }

    @Test void typeErrorsUseTheParserMessagesAndChangeNothing() {
        assertEquals(new ConfigReply.Fail(400, "invalid config value: [rpc.max_frame_size] is not a number"),
                set("{\"device\":{\"sn\":\"B\"},\"rpc\":{\"max_frame_size\":\"big\"}}"));
        assertEquals("", config.liveConfig().string("device.sn"));
        assertEquals(List.of("E mgos_config_util.c:229 [rpc.max_frame_size] is not a number"), log);
        assertEquals(new ConfigReply.Fail(400, "invalid config value: [i2c.enable] is not a boolean"),
                set("{\"i2c\":{\"enable\":1}}"));
        assertEquals(new ConfigReply.Fail(400, "invalid config value: [device.sn] is not a string"),
                set("{\"device\":{\"sn\":123}}"));
        assertEquals(new ConfigReply.Fail(400, "invalid config value: [sys.atca.i2c_addr] is not a number"),
                set("{\"sys\":{\"atca\":{\"i2c_addr\":\"0x61\"}}}"));
    }

    @Test void bareHexNumberIsAcceptedForIntKeys() {
        ok(set("{\"sys\":{\"atca\":{\"i2c_addr\":0x61}}}"));
        assertEquals(0x61, config.liveConfig().integer("sys.atca.i2c_addr"));
    }

    @Test void u00EscapeBecomesOneByteAndOtherEscapesAreInvalid() {
        ok(set("{\"device\":{\"sn\":\"caf\\u00e9!\"}}"));
        assertEquals("caf\u00e9!", config.liveConfig().string("device.sn"));
        assertEquals(new ConfigReply.Fail(400, "invalid config value: [device.sn] invalid string"),
                set("{\"device\":{\"sn\":\"\\u20ac\"}}"));
    }

    @Test void missingValueAndLevelZeroAreRefused() {
        assertEquals(new ConfigReply.Fail(400, "value is required"),
                config.set(Optional.empty(), Optional.empty(), -1, true, false, sink));
        assertEquals(new ConfigReply.Fail(400, "not allowed"),
                config.set(Optional.empty(), Optional.of("{\"device\":{\"sn\":\"x\"}}"), 0, false, false, sink));
    }

    @Test void keyValueFormSetsOneLeaf() {
        ok(config.set(Optional.of("device.sn"), Optional.of("\"SN-0002\""), -1, false, false, sink));
        assertEquals("\"SN-0002\"", ok(config.get(Optional.of("device.sn"), -1)));
    }

    @Test void saveWritesOnlyDifferencesPrettyPrintedAsTheFirmwareDoes() {
        ok(set("{\"device\":{\"sn\":\"SN-0001\"}}"));
        ok(set("{\"wifi\":{\"sta\":{\"enable\":true,\"ssid\":\"lab\",\"pass\":\"s3cret\"}},\"debug\":{\"level\":2},"
                + "\"http\":{\"listen_addr\":\"8080\"}}"));
        assertEquals("{\"saved\": true}",
                ok(config.set(Optional.empty(), Optional.of("{\"sys\":{\"tz_spec\":\"UTC0\"}}"), -1, true, false, sink)));
        ok(set("{\"device\":{\"sn\":\"SN-0004\"}}"));
        assertEquals("{\"saved\": true}", ok(config.save(false, sink)));
        // fs_get_conf9 in mos-captures, decoded
        String expected = "{\n  \"sys\": {\n    \"tz_spec\": \"UTC0\"\n  },\n  \"device\": {\n"
                + "    \"id\": \"esp8266_0A1B2C\",\n    \"sn\": \"SN-0004\"\n  },\n  \"http\": {\n"
                + "    \"listen_addr\": \"8080\"\n  },\n  \"wifi\": {\n    \"sta\": {\n      \"enable\": true,\n"
                + "      \"ssid\": \"lab\",\n      \"pass\": \"s3cret\"\n    }\n  }\n}";
        assertEquals(expected, file("conf9.json"));
        assertEquals(252, fs.read("conf9.json").orElseThrow().length);
        assertEquals(List.of("mgos_sys_config.c:323 Saved to conf9.json", "mgos_sys_config.c:323 Saved to conf9.json"), log);
    }

    @Test void savedValuesSurviveReboot() {
        ok(config.set(Optional.empty(), Optional.of("{\"i2c\":{\"enable\":true}}"), -1, true, false, sink));
        assertFalse(config.bootConfig().bool("i2c.enable"));
        config.boot(EXPAND, sink);
        assertTrue(config.bootConfig().bool("i2c.enable"));
        assertEquals("true", ok(config.get(Optional.of("i2c.enable"), -1)));
    }

    @Test void unsavedValuesAreLostAtReboot() {
        ok(set("{\"device\":{\"sn\":\"gone\"}}"));
        config.boot(EXPAND, sink);
        assertEquals("", config.liveConfig().string("device.sn"));
    }

    @Test void tryOnceFileIsUsedForOneBootOnly() {
        ok(config.set(Optional.empty(), Optional.of("{\"device\":{\"sn\":\"keep\"}}"), -1, true, false, sink));
        ok(config.set(Optional.empty(), Optional.of("{\"device\":{\"sn\":\"try\"}}"), -1, true, true, sink));
        assertEquals("mgos_sys_config.c:323 Saved to conf9.json.try", log.get(1));
        config.boot(EXPAND, sink);
        assertEquals("try", config.liveConfig().string("device.sn"));
        assertFalse(fs.exists("conf9.json.try"));
        config.boot(EXPAND, sink);
        assertEquals("keep", config.liveConfig().string("device.sn"));
    }

    @Test void vendorLevelFileSitsBetweenDefaultsAndUser() {
        fs = FlashFs.inMemory(Map.of("conf0.json", "{}\n".getBytes(StandardCharsets.ISO_8859_1),
                "conf1.json", "{\"i2c\":{\"enable\":true}}".getBytes(StandardCharsets.ISO_8859_1)), new VirtualClock());
        config = new SimConfig(Esp8266Schema.get(), fs, QUOTE);
        config.boot(EXPAND, sink);
        assertTrue(config.bootConfig().bool("i2c.enable"));
        assertEquals("false", ok(config.get(Optional.of("i2c.enable"), 0)));
        assertEquals("true", ok(config.get(Optional.of("i2c.enable"), 1)));
        // i2c.enable equals level 1, so the user level does not repeat it
        config.save(false, sink);
        assertEquals("{\n  \"device\": {\n    \"id\": \"esp8266_0A1B2C\"\n  }\n}", file("conf9.json"));
    }

    @Test void setAtVendorLevelEditsOnlyThatLevelAndOnlyWhenSaved() {
        ok(config.set(Optional.empty(), Optional.of("{\"debug\":{\"level\":3}}"), 2, false, false, sink));
        assertEquals(2, config.liveConfig().integer("debug.level"));
        assertFalse(fs.exists("conf2.json"));
        ok(config.set(Optional.empty(), Optional.of("{\"debug\":{\"level\":3}}"), 2, true, false, sink));
        assertEquals("{\n  \"debug\": {\n    \"level\": 3\n  }\n}", file("conf2.json"));
        assertEquals("3", ok(config.get(Optional.of("debug.level"), 2)));
        assertEquals("2", ok(config.get(Optional.of("debug.level"), 1)));
        config.boot(EXPAND, sink);
        assertEquals(3, config.liveConfig().integer("debug.level"));
    }

    @Test void confAclSkipsDeniedKeysSilently() {
        ok(set("{\"conf_acl\":\"-wifi.*,*\"}"));
        ok(set("{\"wifi\":{\"ap\":{\"pass\":\"x\"}},\"device\":{\"sn\":\"y\"}}"));
        assertEquals("Mongoose", config.liveConfig().string("wifi.ap.pass"));
        assertEquals("y", config.liveConfig().string("device.sn"));
    }

    @Test void brokenUserFileIsLoggedAndSkippedAtBoot() {
        fs.replace("conf3.json", "{\"rpc\":{\"max_frame_size\":\"x\"},\"device\":{\"sn\":\"q\"}}".getBytes(StandardCharsets.ISO_8859_1));
        config.boot(EXPAND, sink);
        assertEquals("", config.liveConfig().string("device.sn"));
        assertEquals(List.of("E mgos_config_util.c:229 [rpc.max_frame_size] is not a number"), log);
        assertEquals(new ConfigReply.Fail(400, "failed to load config"), config.get(Optional.empty(), 8));
    }

    @Test void wholeDefaultTreeMatchesCaptureByteForByte() {
        assertEquals(CaptureResults.result("config_get_all"), ok(config.get(Optional.empty(), -1)));
        assertEquals(CaptureResults.result("config_get_http"), ok(config.get(Optional.of("http"), -1)));
        assertEquals(CaptureResults.result("config_get_level0_device"), ok(config.get(Optional.of("device"), 0)));
    }
}
