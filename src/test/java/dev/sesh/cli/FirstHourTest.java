package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snags a new user meets in the first hour (issue 18), each pinned as the user would see it. */
class FirstHourTest {
    @TempDir Path home;

    SeshRuns.Run run(String... args) { return SeshRuns.run(home, args).withoutCarriageReturns(); }

    @Test
    void missingInputFileOfAScriptIsNamedAndExits2() {
        SeshRuns.Run r = run("--port", "sim:", "run", "scripts/examples/provision-aws.groovy", "missing.yaml", "k.pem", "c.pem", "w.key");
        assertEquals("error: no such file: missing.yaml", r.errorLine(), r.err());
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void jsonFsCatPrintsOneJsonValueWithNameSizeAndText() throws Exception {
        SeshRuns.Run r = run("--port", "sim:", "--json", "fs", "cat", "conf0.json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals("conf0.json", v.get("name").asText());
        assertEquals(v.get("text").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, v.get("size").asInt(), r.out());
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.get("text").asText());   // the file itself is JSON
    }

    @Test
    void mistypedRpcMethodIsAUsageErrorWithASuggestionAndNoQuestion() {
        SeshRuns.Run r = run("--port", "sim:", "call", "Sys.GetInof");
        assertEquals("error: no method Sys.GetInof on this board; did you mean Sys.GetInfo?", r.errorLine(), r.err());
        assertEquals(2, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertFalse(r.err().contains("plan") || r.err().contains("--yes"), r.err());
    }

    @Test
    void listedMethodThatChangesTheBoardStillGoesThroughTheGate() {
        SeshRuns.Run r = run("--port", "sim:", "call", "Config.Save");
        assertEquals(3, r.code(), r.err());
    }

    @Test
    void oneShotStatusShowsTheConnectionTheRunOpened() {
        SeshRuns.Run r = run("--port", "sim:", "-c", "status");
        assertEquals(0, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().lines().anyMatch(l -> l.matches("connected\\s+true")), r.out());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().lines().anyMatch(l -> l.matches("port\\s+sim:")), r.out());
    }

    @Test
    void oneShotLogShowsTheSimulatedBoardsBootLines() {
        SeshRuns.Run r = run("--port", "sim:", "-c", "log -n 60");
        assertEquals(0, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().lines().count() > 5, r.out());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("mgos_"), r.out());
    }

    @Test
    void withoutATerminalTheWholePlanIsPrinted() {
        SeshRuns.Run r = run("--port", "sim:", "--yes", "atca", "config", "set", "scripts/examples/configs/atca-aws-test.yaml");
        assertEquals(0, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertFalse(r.err().contains("more changes"), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().lines().filter(l -> l.startsWith("  slot 15 ")).count() >= 2, r.err());
    }

    @Test
    void aBusySimServeIsReportedAsBusyNotAsACableProblem() throws Exception {
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        try (dev.sesh.rpc.listen.Listener l = dev.sesh.rpc.listen.Listener.open(
                dev.sesh.rpc.listen.ListenSpec.parse("tcp://127.0.0.1:0"), t -> {
                    try { end.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                });
             java.net.Socket first = new java.net.Socket("127.0.0.1", l.address().getPort())) {
            Thread.sleep(300);                           // the first client is being served
            SeshRuns.Run r = run("--port", l.url(), "-c", "info");
            assertEquals("error: the board is busy: sim serve serves one client at a time", r.errorLine(), r.err());
            assertEquals(4, r.code(), r.err());
        } finally {
            end.countDown();
        }
    }
}
