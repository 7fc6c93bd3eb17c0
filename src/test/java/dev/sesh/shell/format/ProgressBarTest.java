package dev.sesh.shell.format;

import dev.sesh.bytes.VirtualClock;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    private final VirtualClock clock = new VirtualClock();
    private final List<String> status = new ArrayList<>();

    @Test
    void rendersBytesBarRateAndEta() {
        ProgressBar bar = new ProgressBar("ecc.crt.pem", 2048, clock, true, status::add);
        assertEquals("ecc.crt.pem  1.0 KB / 2.0 KB  [###############               ]  50%  512 B/s  ETA 0:02",
                bar.render(1024, 2_000_000_000L));
        assertEquals("ecc.crt.pem  2.0 KB  [##############################] 100%  1.0 KB/s", bar.render(2048, 2_000_000_000L));
    }

    @Test
    void redrawsAtMostTenTimesASecondButAlwaysAtTheEnd() {
        ProgressBar bar = new ProgressBar("f", 1000, clock, true, status::add);
        bar.update(10);
        clock.advanceMillis(50);
        bar.update(20);
        clock.advanceMillis(60);
        bar.update(30);
        bar.update(1000);
        assertEquals(3, status.size(), status.toString());
        assertTrue(status.get(2).contains("100%"), status.get(2));
    }

    @Test
    void finishClearsTheStatusLine() {
        ProgressBar bar = new ProgressBar("f", 10, clock, true, status::add);
        bar.update(10);
        bar.finish();
        assertEquals("", status.get(status.size() - 1));
    }

    @Test
    void showsNothingWhenNotATerminal() {
        ProgressBar bar = new ProgressBar("f", 10, clock, false, status::add);
        bar.update(5);
        bar.finish();
        assertEquals(List.of(), status);
    }

    @Test
    void dumbTerminalStatusLineShowsNothing() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream(new byte[0]), screen, StandardCharsets.UTF_8)) {
            ProgressBar bar = new ProgressBar("f", 10, clock, true, ProgressBar.statusLineOf(t));
            bar.update(5);
            bar.finish();
            t.flush();
        }
        assertEquals("", screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    void capableTerminalShowsTheBarOnItsStatusLine() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = new ExternalTerminal("test", "xterm-256color",
                new ByteArrayInputStream(new byte[0]), screen, StandardCharsets.UTF_8)) {
            t.setSize(new Size(100, 24));
            ProgressBar bar = new ProgressBar("ecc.crt.pem", 10, clock, true, ProgressBar.statusLineOf(t));
            clock.advanceMillis(1000);
            bar.update(10);
            t.flush();
            assertTrue(screen.toString(StandardCharsets.UTF_8).contains("ecc.crt.pem  10 B  [###"), screen.toString());
            bar.finish();
        }
    }

    @Test
    void sizesUsePowersOf1024() {
        assertEquals("574 B", ProgressBar.size(574));
        assertEquals("5.6 KB", ProgressBar.size(5734));
        assertEquals("1.5 MB", ProgressBar.size(1536 * 1024));
    }
}
