package dev.sesh.shell.format;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress bar's status line on real terminal types: drawn when it can be, never breaking the terminal's close. */
class StatusLineTest {
    private static Terminal xterm(ByteArrayOutputStream out, int rows, int cols) throws Exception {
        Terminal t = new ExternalTerminal("t", "xterm-256color", new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8);
        t.setSize(new Size(cols, rows));
        return t;
    }

    @Test
    void terminalReportingSizeZeroGetsNoStatusLineAndClosesCleanly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal t = xterm(out, 0, 0);
        Consumer<String> line = ProgressBar.statusLineOf(t);
        line.accept("p.bin  1 KB  [#] 3%");
        line.accept("");
        assertDoesNotThrow(t::close);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sizedTerminalShowsTheLineAndClosesCleanly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal t = xterm(out, 24, 80);
        Consumer<String> line = ProgressBar.statusLineOf(t);
        line.accept("p.bin  1 KB  [#] 3%");
        t.flush();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("p.bin  1 KB  [#] 3%"));
        line.accept("");
        assertDoesNotThrow(t::close);
    }
}
