package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console driven through a dumb terminal on pipes: typed lines in, transcript out. */
class ConsoleTest {
    @TempDir Path home;

    String console(String typed, String... args) { return SeshRuns.console(home, typed, args); }

    @Test
    void noBoardFoundOpensTheSimulatedBoardAndSaysSoInOneLine() {
        String t = console("exit\n");
        assertTrue(t.contains("no board found on USB serial ports; using a simulated board (sim:"), t);
        assertTrue(t.contains("sesh [sim]> "), t);
    }

    @Test
    void infoPrintsTheBoardTable() {
        String t = console("info\nexit\n");
        assertTrue(t.contains("esp8266_"), t);
        assertTrue(t.contains("fs"), t);
        assertTrue(t.contains("233681") || t.contains("228.2 KB"), t);
    }

    @Test
    void unknownWordSuggestsTheClosestCommand() {
        String t = console("inof\nexit\n");
        assertTrue(t.contains("error: unknown command 'inof'"), t);
        assertTrue(t.contains("did you mean info?"), t);
    }

    @Test
    void helpStatesTheCommandVersusGroovyRule() {
        String t = console("help\nexit\n");
        assertTrue(t.contains("anything else is Groovy"), t);
        assertTrue(t.contains("connect"), t);
        assertTrue(t.contains("call"), t);
    }

    @Test
    void endOfInputLeavesCleanly() {
        String t = console("status\n");
        assertTrue(t.contains("connected"), t);
    }

    @Test
    void historyIsPersistedWithoutSecretLines() throws Exception {
        console("info\ncall RPC.Describe {\"name\":\"" + "ab".repeat(32) + "\"}\nexit\n");
        String history = Files.readString(home.resolve("history"));
        assertTrue(history.contains("info"), history);
        assertFalse(history.contains("ab".repeat(32)), history);
    }
}
