package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24 item 4: a fresh simulated board is a freshly flashed one; sim:?app=bare is a stock build with I2C off. */
class FreshBoardTest {
    @TempDir Path home;

    @Test void theArticleAppHasOnlyConf0AndItsDefaultsCompiledIn() {
        SeshRuns.Run ls = SeshRuns.run(home, "--port", "sim:", "fs", "ls");
        assertEquals(0, ls.code(), ls.err());
        assertEquals(List.of("conf0.json"), ls.out().lines().toList());
        SeshRuns.Run level0 = SeshRuns.run(home, "--port", "sim:", "call", "Config.Get", "{\"key\":\"i2c.enable\",\"level\":0}");
        assertEquals(0, level0.code(), level0.err());
        assertEquals("true", level0.out().trim());
    }

    @Test void aBareBoardHasI2cOffAndSeshSaysHowToTurnItOn() {
        SeshRuns.Run get = SeshRuns.run(home, "--port", "sim:?app=bare", "config", "get", "i2c.enable");
        assertEquals("false\n", get.out());
        SeshRuns.Run scan = SeshRuns.run(home, "--port", "sim:?app=bare", "i2c", "scan");
        assertEquals(1, scan.code(), scan.err());
        assertTrue(scan.err().contains("hint: config set i2c.enable=true"), scan.err());
        SeshRuns.Run call = SeshRuns.run(home, "--port", "sim:?app=bare", "call", "I2C.Scan");
        assertEquals(1, call.code(), call.err());
        assertTrue(call.errorLine().contains("503: I2C is disabled"), call.err());
        assertTrue(call.err().contains("hint: config set i2c.enable=true"), call.err());
    }

    @Test void anUnknownAppIsRefused() {
        SeshRuns.Run r = SeshRuns.run(home, "--port", "sim:?app=full", "info");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("hint: use app=article (I2C on) or app=bare"), r.err());
    }
}
