package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24 item 1: config combinations that break the board's boot or cut the link are fixed or
 * refused on every way in (config set, Groovy config.set, call Config.Set), and the ATCA 404 hint
 * names both keys.
 */
class BootRulesCommandsTest {
    @TempDir Path home;
    @TempDir Path work;

    private String port() { return "sim:" + work.resolve("board"); }

    private SeshRuns.Run sesh(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "--port";
        args[1] = port();
        System.arraycopy(words, 0, args, 2, words.length);
        return SeshRuns.run(home, args);
    }

    private void i2cOff() {
        SeshRuns.Run off = sesh("--yes", "config", "set", "i2c.enable=false");
        assertEquals(0, off.code(), off.err());
    }

    @Test void configSetOfAtcaAddsI2cAndTheBoardComesBackWithTheService() {
        i2cOff();
        SeshRuns.Run set = sesh("--yes", "config", "set", "sys.atca.enable=true");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.err().contains("plan: set 2 keys and reboot the board"), set.err());
        assertTrue(set.err().contains("adds i2c.enable=true: sys.atca.enable=true without it makes the firmware fail its boot"), set.err());
        assertEquals("true\n", sesh("config", "get", "i2c.enable").out());
        SeshRuns.Run info = sesh("--via", "rpc", "atca", "info");
        assertEquals(0, info.code(), info.err());
    }

    @Test void configSetThatTurnsI2cOffUnderAtcaIsRefusedAndNothingIsSent() {
        SeshRuns.Run r = sesh("--yes", "config", "set", "sys.atca.enable=true", "i2c.enable=false");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errorLine().contains("i2c.enable=false with sys.atca.enable=true makes the firmware fail its boot"), r.err());
        assertTrue(r.err().contains("hint: keep i2c.enable=true, or set sys.atca.enable=false as well"), r.err());
        assertEquals("false\n", sesh("config", "get", "sys.atca.enable").out());
    }

    @Test void groovyConfigSetGetsTheSameFix() throws Exception {
        i2cOff();
        Path script = work.resolve("atca.groovy");
        Files.writeString(script, "config.set('sys.atca.enable': true)\nprintln config.get('i2c.enable')\n");
        SeshRuns.Run r = sesh("--yes", "run", script.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("true\n", r.out());
    }

    @Test void rawConfigSetIsRefusedWithTheFixInTheHint() {
        i2cOff();
        SeshRuns.Run r = sesh("--yes", "call", "Config.Set", "{\"config\":{\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true,\"reboot\":true}");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errorLine().contains("Config.Set needs i2c.enable=true"), r.err());
        assertTrue(r.err().contains("config set sys.atca.enable=true i2c.enable=true"), r.err());
        assertEquals("false\n", sesh("config", "get", "sys.atca.enable").out());
    }

    @Test void changesThatCutTheRpcUartAreRefused() {
        SeshRuns.Run baud = sesh("--yes", "config", "set", "rpc.uart.baud_rate=9600");
        assertEquals(2, baud.code(), baud.err());
        assertTrue(baud.errorLine().contains("rpc.uart.baud_rate=9600 cuts this link"), baud.err());
        SeshRuns.Run uart = sesh("--yes", "call", "Config.Set", "{\"config\":{\"rpc\":{\"uart\":{\"uart_no\":1}}},\"save\":true}");
        assertEquals(2, uart.code(), uart.err());
        assertTrue(uart.errorLine().contains("rpc.uart.uart_no=1 cuts this link"), uart.err());
        assertEquals("115200\n", sesh("config", "get", "rpc.uart.baud_rate").out());
    }

    @Test void atca404HintNamesBothKeysOnlyWhileAtcaIsOff() {
        SeshRuns.Run off = sesh("--via", "rpc", "atca", "info");
        assertEquals(1, off.code(), off.err());
        assertTrue(off.err().contains("hint: config set sys.atca.enable=true i2c.enable=true (the board reboots)"), off.err());

        assertEquals(0, sesh("--yes", "config", "set", "sys.atca.enable=true", "sys.atca.i2c_addr=0x61").code());
        SeshRuns.Run noChip = sesh("--via", "rpc", "atca", "info");
        assertEquals(1, noChip.code(), noChip.err());
        assertFalse(noChip.err().contains("config set sys.atca.enable"), noChip.err());
        assertTrue(noChip.err().contains("sys.atca.enable is already true"), noChip.err());
    }
}
