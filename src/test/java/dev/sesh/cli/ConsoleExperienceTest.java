package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Console behaviours that cut across commands, through a dumb terminal on pipes (no TTY). */
class ConsoleExperienceTest {
    @TempDir Path home;

    String console(String typed, String... args) { return SeshRuns.console(home, typed, args); }

    SeshRuns.Run once(String... args) { return SeshRuns.run(home, args); }

    @Test
    void deviceLinesArriveTaggedAndLogShowsThemPlain() {
        String t = console("reboot\nlog -n 500\nexit\n", "--yes");
        assertTrue(t.contains("[device] mgos_init.c:33"), t);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("mgos_init.c:33") && l.contains("Init done")), t);
    }

    @Test
    void requestEchoesStayOutOfTheConsoleButLogHasThem() {
        String t = console("info\nlog\nexit\n");
        assertFalse(t.contains("[device] mg_rpc.c"), t);
        assertTrue(t.lines().anyMatch(l -> l.matches("^(sesh \\[sim\\]> )?mg_rpc\\.c:\\d+\\s+Sys\\.GetInfo via UART.*")), t);
    }

    @Test
    void logKeepsOnlyTheRequestedNumberOfRecentLines() {
        String t = console("reboot\nlog -n 1\nexit\n", "--yes");
        assertEquals(1, t.lines().filter(l -> !l.contains("[device]") && l.matches("^(sesh \\[sim\\]> )?[a-z_]+\\.c:.*")).count(), t);
    }

    @Test
    void logJsonIsOneArrayOnStdout() throws Exception {
        SeshRuns.Run r = once("--port", "sim:", "-c", "log --json");
        assertEquals(0, r.code(), r.err());
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).isArray(), r.out());
    }

    @Test
    void mistypedSubcommandSuggestsTheClosestOne() {
        String t = console("rpc lst\nexit\n");
        assertTrue(t.contains("did you mean rpc list?"), t);
    }

    @Test
    void historyCommandNumbersEarlierLines() {
        String t = console("status\nhistory --grep stat\nexit\n");
        List<String> lines = t.lines().map(l -> l.replace("sesh [sim]> ", "")).toList();
        assertTrue(lines.contains("1  status"), t);
        assertFalse(lines.stream().anyMatch(l -> l.matches("\\d+  exit")), t);
    }

    @Test
    void historyIsSharedWithTheNextConsoleRun() {
        console("status\nexit\n");
        String t = console("history --json\nexit\n");
        assertTrue(t.contains("\"line\": \"status\""), t);
    }

    @Test
    void historyOutsideTheConsoleSaysWhereItLives() {
        SeshRuns.Run r = once("--port", "sim:", "history");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("$SESH_HOME/history"), r.err());
    }

    @Test
    void pipeTranscriptHasNoEscapeCodes() {
        String t = console("help\nstatus\ninfo\nrpc lst\nreboot\nexit\n", "--yes");
        assertFalse(t.contains("\u001b"), t);
    }
}
