package dev.sesh.sim;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24 item 1: sys.atca.enable=true with I2C off fails the firmware's init and the board restarts every 0.5 s. */
class SimBootLoopTest {
    private final VirtualClock clock = new VirtualClock();

    private SimBoard open(Path dir, boolean flash) {
        SimBoard b = SimFirmware.open(new SimOptions(Optional.of(dir), Variant.ATECC508A, 0, FaultSpec.none(), SimOptions.DEFAULT_SEED, 0, 0, false,
                SimOptions.App.ARTICLE, flash), clock);
        b.powerOn();
        return b;
    }

    /** Runs the board's clock for {@code ms} and returns what it wrote. */
    private String runFor(SimBoard b, long ms) {
        long end = clock.nanos() + ms * 1_000_000L;
        StringBuilder out = new StringBuilder();
        while (true) {
            long next = Math.min(b.nextEventAt(), end);
            if (next > clock.nanos()) clock.advance(next - clock.nanos());
            b.poll();
            out.append(new String(b.takeOutput(), StandardCharsets.ISO_8859_1));
            if (clock.nanos() >= end) return out.toString();
        }
    }

    private String call(SimBoard b, String json) {
        b.takeOutput();
        b.receive((json + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return runFor(b, 300);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test void atcaWithoutI2cRebootLoopsWithoutRpcAndReflashingRecovers(@TempDir Path dir) {
        SimBoard b = open(dir, false);
        runFor(b, 100);
        String set = call(b, "{\"id\":1,\"method\":\"Config.Set\",\"params\":{\"config\":{\"i2c\":{\"enable\":false},"
                + "\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true,\"reboot\":true}}");
        assertTrue(set.contains("\"saved\": true"), set);
        String loop = runFor(b, 3000);
        assertTrue(Pattern.compile("(?m)^mgos_atca.c:64 +ATCA requires I2C to be enabled \\(i2c.enable=true\\)$").matcher(loop).find(), loop);
        assertTrue(loop.contains("Init failed: -32\n"), loop);
        assertFalse(loop.contains("Init done"), loop);
        int fails = count(loop, "Init failed: -32");
        assertTrue(fails >= 5 && fails <= 6, "restarts about every 0.5 s: " + fails + " in 3 s");
        String asked = call(b, "{\"id\":2,\"method\":\"Sys.GetInfo\"}");
        assertFalse(asked.contains("\"id\":2"), "RPC never comes up: " + asked);

        SimBoard flashed = open(dir, true);
        String boot = runFor(flashed, 100);
        assertTrue(boot.contains("Init done"), boot);
        assertTrue(call(flashed, "{\"id\":3,\"method\":\"Config.Get\",\"params\":{\"key\":\"sys.atca.enable\"}}").contains("\"result\":false"));
    }

    @Test void bootLogShowsTheSameThreeErrorLinesEachTime(@TempDir Path dir) {
        SimBoard b = open(dir, false);
        runFor(b, 100);
        call(b, "{\"id\":1,\"method\":\"Config.Set\",\"params\":{\"config\":{\"i2c\":{\"enable\":false},"
                + "\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true,\"reboot\":true}}");
        String loop = runFor(b, 1200);
        assertEquals(count(loop, "ATCA requires I2C"), count(loop, "Init failed: -32"));
        assertTrue(loop.contains("Restarting"), loop);
    }
}
