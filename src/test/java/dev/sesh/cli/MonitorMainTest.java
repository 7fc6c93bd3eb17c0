package dev.sesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sesh --port PORT monitor} as a one-shot run (issue 19): the article's log checks with --until. */
class MonitorMainTest {
    @TempDir Path home;

    @Test
    void untilEndsAtTheLineAndFailsWithOneLineWhenItNeverComes() {
        SeshRuns.Run ok = SeshRuns.run(home, "--port", "sim:", "monitor", "-n", "200", "--until", "HTTP server started on [80]", "--seconds", "5");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("shim_platform.c:308"), "the boot text since this run connected:\n" + ok.out());
        assertTrue(ok.out().strip().endsWith("HTTP server started on [80]"), ok.out());

        SeshRuns.Run never = SeshRuns.run(home, "--port", "sim:", "monitor", "--until", "ATCA:0 ECDSA sign ok", "--seconds", "0.3");
        assertEquals(1, never.code());
        assertEquals("error: 'ATCA:0 ECDSA sign ok' did not appear in the board's log within 0.3 s", never.errorLine());
        assertTrue(never.unclearFailure().isEmpty(), never.err());

        SeshRuns.Run bad = SeshRuns.run(home, "--port", "sim:", "monitor", "--timestamp", "sideways");
        assertEquals(2, bad.code());
        assertTrue(bad.unclearFailure().isEmpty(), bad.err());
    }

    @Test
    void jsonIsOneObjectPerLine() throws Exception {
        SeshRuns.Run r = SeshRuns.run(home, "--port", "sim:", "--yes", "-c", "monitor --json --seconds 0.2");
        assertEquals(0, r.code(), r.err());
        SeshRuns.Run reboot = SeshRuns.typed(home, "call Sys.Reboot {\"delay_ms\":300}\nmonitor --json --until \"Init done\" --seconds 10\n",
                "--port", "sim:", "--yes");
        List<String> lines = reboot.out().lines().filter(l -> l.contains("\"type\"")).map(l -> l.substring(l.indexOf('{'))).toList();
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String l : lines) events.add(m.readTree(l));
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("reboot")), reboot.out());
        assertTrue(events.stream().anyMatch(e -> e.path("type").asText().equals("line") && e.path("text").asText().contains("Init done")), reboot.out());
        assertTrue(events.stream().allMatch(e -> e.has("t") && e.has("at")), reboot.out());
    }
}
