package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a user meets it without a TTY: exit codes, streams, the no-board rule (design 5.2). */
class MainTest {
    @TempDir Path home;

    SeshRuns.Run run(String... args) { return SeshRuns.run(home, args); }

    @Test
    void nonInteractiveRunWithoutBoardExits4WithSimHint() {
        SeshRuns.Run r = run("-c", "info");
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("--port sim:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void commandAsArgumentsWithoutBoardAlsoExits4() {
        SeshRuns.Run r = run("info");
        assertEquals(4, r.code());
        assertTrue(r.err().startsWith("error: no board found"), r.err());
    }

    @Test
    void unknownOptionIsUsageErrorExit2() {
        SeshRuns.Run r = run("--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--bogus"), r.err());
        assertTrue(r.err().contains("hint:"), r.err());
    }

    @Test
    void badPortSchemeIsUsageError() {
        SeshRuns.Run r = run("--port", "ftp://x", "-c", "info");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown port scheme"), r.err());
    }

    @Test
    void versionPrintsOneLine() {
        SeshRuns.Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("sesh " + SeshCli.VERSION), r.out());
    }

    @Test
    void helpNamesExitCodes() {
        SeshRuns.Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes"), r.out());
        assertFalse(r.out().contains("\u001b["), "no escape codes on a pipe");
    }

    @Test
    void infoOnTheSimulatedBoardPrintsATableAndExits0() {
        SeshRuns.Run r = run("--port", "sim:", "-c", "info");
        assertEquals(0, r.code(), r.err());
        for (String field : List.of("id", "app", "arch", "mac", "uptime", "ram", "fs")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(field + " ")), field + " missing in\n" + r.out());
        }
        assertTrue(r.out().contains("esp8266"), r.out());
    }

    @Test
    void jsonInfoIsOneJsonValueOnStdout() throws Exception {
        SeshRuns.Run r = run("--port", "sim:", "--json", "info");
        assertEquals(0, r.code(), r.err());
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertTrue(node.path("id").asText().startsWith("esp8266_"), r.out());
        assertEquals(233681, node.path("fs_size").asInt());
    }

    @Test
    void callPrintsTheResultLikeMosCall() {
        SeshRuns.Run r = run("--port", "sim:", "call", "RPC.Describe", "{\"name\":\"Sys.Reboot\"}");
        assertEquals(0, r.code(), r.err());
        assertEquals("{\n  \"name\": \"Sys.Reboot\",\n  \"args_fmt\": \"{abort: %B, delay_ms: %d}\"\n}\n", r.out().replace("\r", ""));
    }

    @Test
    void callInsideDashCTakesQuotedJson() {
        SeshRuns.Run r = run("--port", "sim:", "-c", "call RPC.Describe '{\"name\":\"Sys.Reboot\"}'");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("delay_ms"), r.out());
    }

    @Test
    void rpcListIsSorted() {
        SeshRuns.Run r = run("--port", "sim:", "rpc", "list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(lines.stream().sorted().toList(), lines);
        assertTrue(lines.contains("Sys.GetInfo") && lines.contains("RPC.List"), r.out());
    }

    @Test
    void changeWithoutTerminalIsRefusedWithExit3() {
        SeshRuns.Run r = run("--port", "sim:", "reboot");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("--yes"), r.err());
        assertTrue(r.err().contains("plan:") || r.err().contains("reboot"), r.err());
    }

    @Test
    void changeWithYesIsPrintedAndApplied() throws Exception {
        SeshRuns.Run r = run("--port", "sim:", "--yes", "reboot");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("approved by --yes"), r.err());
        assertTrue(r.err().contains("board back after"), r.err());
        String audit = Files.readString(home.resolve("audit.log"));
        assertTrue(audit.contains("Sys.Reboot") || audit.contains("reboot"), audit);
    }

    @Test
    void remoteErrorIsOneLineWithTheCode() {
        SeshRuns.Run r = run("--port", "sim:", "call", "FS.Get", "{\"filename\":\"nope.txt\"}");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.errorLine().contains("FS.Get") && r.errorLine().matches(".*\\b\\d{3}\\b.*|.*-\\d+.*"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void methodTheBoardDoesNotListIsAUsageErrorBeforeTheGate() {
        SeshRuns.Run r = run("--port", "sim:", "--yes", "call", "Foo.Bar");
        assertEquals(2, r.code(), r.err());
        assertEquals("error: no method Foo.Bar on this board", r.errorLine(), r.err());
    }

    @Test
    void badJsonParamsIsUsageErrorAndNothingIsSent() {
        SeshRuns.Run r = run("--port", "sim:", "call", "Sys.GetInfo", "{nope");
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void commandsThatNeedNoBoardRunWithoutOne() {
        SeshRuns.Run ports = run("ports");
        assertEquals(0, ports.code(), ports.err());
        assertTrue(ports.err().contains("no serial ports found"), ports.err());
        SeshRuns.Run help = run("-c", "help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("anything else is Groovy"), help.out());
    }
}
