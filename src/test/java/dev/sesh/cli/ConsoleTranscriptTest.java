package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whole console sessions on a JLine dumb terminal, compared with golden transcripts in
 * src/test/resources/golden (text only: escape codes are stripped, and the board's MAC-derived
 * names are replaced, before comparing). {@code -Dsesh.writeDocs=true} rewrites the goldens.
 */
class ConsoleTranscriptTest {
    @TempDir Path home;

    private String transcript(String typed) {
        SeshRuns.Run r = SeshRuns.interleaved(home, typed, "--port", "sim:");
        assertEquals(0, r.code());
        return normalise(r.out());
    }

    /** Text as a reader sees it: no ANSI, no CR, the per-board id and serial replaced. */
    static String normalise(String raw) {
        return raw.replaceAll("\u001b\\[[0-?]*[ -/]*[@-~]", "")
                .replace("\r", "")
                .replaceAll("esp8266_[0-9A-F]{6}", "esp8266_XXXXXX")
                .replaceAll("0123[0-9a-f]{12}ee", "0123xxxxxxxxxxee");
    }

    private void matchesGolden(String name, String actual) throws Exception {
        Path file = Path.of("src", "test", "resources", "golden", name);
        CompletionScriptsTest.checkOrWrite(file, actual);
    }

    @Test
    void firstStepsSession() throws Exception {
        matchesGolden("console-first-steps.txt", transcript(String.join("\n",
                "help rpc describe",
                "rpc describe I2C.Read",
                "rpc lst",
                "inof",
                "i2c scan",
                "log -n 2",
                "history",
                "exit", "")));
    }

    @Test
    void chipSessionShowsLocksInThePrompt() throws Exception {
        matchesGolden("console-chip.txt", transcript(String.join("\n",
                "atca info",
                "atca read 99",
                "exit", "")));
    }
}
