package dev.sesh.shell.command.fs;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.testing.ShellHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fs put and get draw a progress bar on a terminal's status line and nothing without one. */
class FsProgressTest {
    @TempDir Path dir;
    private static ShellHarness shell(Consumer<String> statusLine) {
        ChangeGate approve = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        return ShellHarness.over(ShellHarness.simulatedBoard(approve, new VirtualClock()), b -> b.statusLine(statusLine));
    }

    @Test
    void terminalShowsABarWithRateThatEndsCleared() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Path f = dir.resolve("p.bin");
        Files.write(f, new byte[20_000]);
        ShellHarness shell = shell(lines::add);
        try (shell) {
            assertEquals(0, shell.type("fs put " + f));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("p.bin  19.5 KB  [" + "#".repeat(30) + "] 100%")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("KB/s")), lines.toString());
            assertEquals("", lines.get(lines.size() - 1), "the bar is cleared at the end");
            lines.clear();
            assertEquals(0, shell.type("fs get p.bin " + dir.resolve("back.bin")));
            assertTrue(lines.stream().anyMatch(l -> l.contains("100%")), lines.toString());
        }
        assertTrue(shell.err().contains("p.bin  19.5 KB  put in"), shell.err());
    }

    @Test
    void withoutTerminalNothingIsDrawnButTheSummaryIsPrinted() throws Exception {
        Path f = dir.resolve("q.bin");
        Files.write(f, new byte[5000]);
        ShellHarness shell = shell(null);
        try (shell) {
            assertEquals(0, shell.type("fs put " + f));
        }
        assertTrue(shell.err().contains("q.bin  4.9 KB  put in"), shell.err());
        assertTrue(!shell.err().contains("["), shell.err());
    }
}
