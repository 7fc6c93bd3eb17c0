package dev.sesh.shell.format;

import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

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
    void sizesUsePowersOf1024() {
        assertEquals("574 B", ProgressBar.size(574));
        assertEquals("5.6 KB", ProgressBar.size(5734));
        assertEquals("1.5 MB", ProgressBar.size(1536 * 1024));
    }
}
