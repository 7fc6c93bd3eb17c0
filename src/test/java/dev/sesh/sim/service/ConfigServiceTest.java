package dev.sesh.sim.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.fs.FlashFs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigServiceTest {
    final ServiceHarness h;
    final FlashFs fs;
    final ConfigService config;

    ConfigServiceTest() {
        fs = FlashFs.inMemory(FlashFs.factoryImage(), new VirtualClock());
        config = new ConfigService(fs);
        h = new ServiceHarness(config, SimFsView.fixed(FlashFs.SIZE, 3)).boot(config);
    }

    @Test void registersGetSetSaveWithTheirFormats() {
        assertEquals(List.of("Config.Get {key: %Q, level: %d}",
                "Config.Set {key: %Q, config: %T, value: %T, level: %d, save: %B, try_once: %B, reboot: %B}",
                "Config.Save {try_once: %B, reboot: %B}"),
                h.methods.stream().map(m -> m.name() + " " + m.argsFmt()).toList());
    }

    @Test void liveViewServesTheCoreItsKeys() {
        assertEquals("esp8266_0A1B2C", config.string("device.id").orElseThrow());
        assertEquals(2, config.integer("debug.level").orElseThrow());
        assertEquals(false, config.bool("i2c.enable").orElseThrow());
        assertTrue(config.string("debug.level").isEmpty(), "another type reads as empty");
        assertTrue(config.bool("no.such").isEmpty());
    }

    @Test void getAnswersScalarsSubtreesAndErrors() {
        assertEquals("\"esp8266_0A1B2C\"", h.call("Config.Get", "{\"key\":\"device.id\"}"));
        assertEquals("{\"id\":\"esp8266_??????\",\"license\":\"\",\"mac\":\"\",\"public_key\":\"\",\"sn\":\"\"}",
                h.call("Config.Get", "{\"key\":\"device\",\"level\":0}"));
        assertEquals("404 invalid config key", h.call("Config.Get", "{\"key\":\"nope.nothing\"}"));
    }

    @Test void controlBytesComeOutWithTheFirmwaresEscaping() {
        assertEquals("{\"saved\": false}", h.call("Config.Set", "{\"config\":{\"device\":{\"sn\":\"a\\u001fb\\u0007c\"}}}"));
        assertEquals("\"a\\u0011b\\u0007c\"", h.call("Config.Get", "{\"key\":\"device.sn\"}"));
    }

    @Test void keyValueFormTakesAStringToken() {
        assertEquals("{\"saved\": false}", h.call("Config.Set", "{\"key\":\"device.sn\",\"value\":\"SN-0002\"}"));
        assertEquals("\"SN-0002\"", h.call("Config.Get", "{\"key\":\"device.sn\"}"));
        assertEquals("{\"saved\": false}", h.call("Config.Set", "{\"key\":\"debug.level\",\"value\":3}"));
        assertEquals(3, config.integer("debug.level").orElseThrow());
    }

    @Test void typeErrorIsLoggedAsAnErrorBeforeTheReply() {
        assertEquals("400 invalid config value: [i2c.enable] is not a boolean",
                h.call("Config.Set", "{\"config\":{\"i2c\":{\"enable\":1}}}"));
        assertEquals(List.of("E mgos_config_util.c:229 [i2c.enable] is not a boolean"), h.log);
    }

    @Test void saveLogsThenRepliesAndRebootsOnlyWhenAsked() {
        assertEquals("{\"saved\": true}", h.call("Config.Set", "{\"config\":{\"sys\":{\"tz_spec\":\"UTC0\"}},\"save\":true}"));
        assertEquals(List.of("mgos_sys_config.c:323 Saved to conf9.json"), h.log);
        assertEquals(-1, h.rebootInMs);
        assertEquals("{\"saved\": false}", h.call("Config.Set", "{\"config\":{\"device\":{\"sn\":\"x\"}},\"reboot\":true}"));
        assertEquals(-1, h.rebootInMs, "reboot without save does nothing");
        assertEquals("{\"saved\": true}", h.call("Config.Set", "{\"config\":{\"i2c\":{\"enable\":true}},\"save\":true,\"reboot\":true}"));
        assertEquals(500, h.rebootInMs);
    }

    @Test void configSaveWritesTryFileAndRebootsOnRequest() {
        assertEquals("{\"saved\": true}", h.call("Config.Save", "{\"try_once\":true}"));
        assertTrue(fs.exists("conf9.json.try"));
        assertFalse(fs.exists("conf9.json"));
        assertEquals("{\"saved\": true}", h.call("Config.Save", "{\"reboot\":true}"));
        assertEquals(500, h.rebootInMs);
        assertEquals(List.of("mgos_sys_config.c:323 Saved to conf9.json.try", "mgos_sys_config.c:323 Saved to conf9.json"), h.log);
    }

    @Test void setThenRebootThenGetShowsTheSavedValueAndBootViewFollowsOnlyAtBoot() {
        h.call("Config.Set", "{\"config\":{\"i2c\":{\"enable\":true}},\"save\":true,\"reboot\":true}");
        assertTrue(config.bool("i2c.enable").orElseThrow());
        assertFalse(config.bootView().bool("i2c.enable"));
        h.boot(config);
        assertEquals("true", h.call("Config.Get", "{\"key\":\"i2c.enable\"}"));
        assertTrue(config.bootView().bool("i2c.enable"));
    }

    @Test void brokenSavedFileIsReportedWhenTheServiceStarts() {
        fs.replace("conf9.json", "{\"debug\":{\"level\":\"x\"}}".getBytes(StandardCharsets.ISO_8859_1));
        h.boot(config);
        assertEquals(List.of("E mgos_config_util.c:229 [debug.level] is not a number"), h.log);
        assertEquals(2, config.integer("debug.level").orElseThrow());
    }

    @Test void articleAppCompilesI2cIntoItsDefaultsAndTheBareBuildHasItOff() {
        FlashFs fresh = FlashFs.inMemory(FlashFs.factoryImage(), new VirtualClock());
        assertEquals(List.of(new FlashFs.Entry("conf0.json", 3)), fresh.list("/"));
        ConfigService app = new ConfigService(fresh, dev.sesh.sim.conf.Esp8266Schema.app());
        ServiceHarness board = new ServiceHarness(app, SimFsView.fixed(FlashFs.SIZE, 0)).boot(app);
        assertTrue(app.bootView().bool("i2c.enable"));
        assertFalse(app.bootView().bool("sys.atca.enable"));
        assertEquals("true", board.call("Config.Get", "{\"key\":\"i2c.enable\",\"level\":0}"));
        assertEquals("{\"enable\":true,\"freq\":100000,\"debug\":false,\"sda_gpio\":12,\"scl_gpio\":14}",
                board.call("Config.Get", "{\"key\":\"i2c\"}"));
        ConfigService bare = new ConfigService(FlashFs.inMemory(FlashFs.factoryImage(), new VirtualClock()), dev.sesh.sim.conf.Esp8266Schema.bare());
        ServiceHarness stock = new ServiceHarness(bare, SimFsView.fixed(FlashFs.SIZE, 0)).boot(bare);
        assertEquals("false", stock.call("Config.Get", "{\"key\":\"i2c.enable\",\"level\":0}"));
        assertEquals("false", stock.call("Config.Get", "{\"key\":\"i2c.enable\"}"));
    }

}
