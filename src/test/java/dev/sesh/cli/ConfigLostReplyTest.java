package dev.sesh.cli;

import dev.sesh.testing.BoardSnapshot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * design.md 5.7 on Config.Set: when its reply is lost (reply 3 of the run: connect, Config.Get,
 * Config.Set) the board has still saved and rebooted; sesh reads the config back and reports the
 * set as done instead of failing with a timeout.
 */
class ConfigLostReplyTest {
    @TempDir Path home;
    @TempDir Path board;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"delay=1500", "flip", "crc"})
    void configSetWhoseReplyIsLostIsReadBackAndReportedDone(String fault) throws Exception {
        SeshRuns.Run r = SeshRuns.run(home, "--port", "sim:" + board + "?faults=" + fault + "@3&seed=11", "--timeout", "0.5",
                "--yes", "config", "set", "wifi.sta.ssid=lab");
        assertEquals(0, r.code(), r.err());
        String saved = new String(BoardSnapshot.of(board).files().get("fs/conf9.json"), StandardCharsets.UTF_8);
        assertTrue(saved.contains("\"lab\""), saved);
    }
}
