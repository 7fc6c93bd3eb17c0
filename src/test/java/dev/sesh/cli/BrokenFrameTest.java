package dev.sesh.cli;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.FaultSpec;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24 item 5: non-ASCII config values never leave the host; a reply that does not parse is reported at once. */
class BrokenFrameTest {
    @TempDir Path home;
    @TempDir Path work;

    private String port() { return "sim:" + work.resolve("board"); }

    @Test void nonAsciiValueIsRefusedBeforeAnythingIsSent() {
        SeshRuns.Run r = SeshRuns.run(home, "--port", port(), "--yes", "config", "set", "wifi.ap.ssid=caf\u00e9");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errorLine().contains("wifi.ap.ssid value has character U+00E9 at position 3"), r.err());
        SeshRuns.Run raw = SeshRuns.run(home, "--port", port(), "--yes", "call", "Config.Set", "{\"config\":{\"device\":{\"sn\":\"caf\\u00e9\"}}}");
        assertEquals(2, raw.code(), raw.err());
        assertTrue(raw.errorLine().contains("device.sn value has character U+00E9"), raw.err());
        assertEquals("", SeshRuns.run(home, "--port", port(), "config", "get", "device.sn").out().trim().replace("\"", ""));
    }

    @Test void aBrokenReplyFrameIsReportedAtOnceWithItsBytes() {
        // A board that already holds a non-ASCII value (set by another tool, as capture config_set_u00e9 did).
        VirtualClock clock = new VirtualClock();
        SimBoard b = SimFirmware.open(new SimOptions(Optional.of(work.resolve("board")), Variant.ATECC508A, 0, FaultSpec.none(), 1), clock);
        b.powerOn();
        b.receive("{\"id\":1,\"method\":\"Config.Set\",\"params\":{\"config\":{\"device\":{\"sn\":\"caf\\u00e9!\"}},\"save\":true}}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        String out = new String(b.takeOutput(), StandardCharsets.ISO_8859_1);
        assertTrue(out.contains("\"saved\": true"), out);

        long start = System.nanoTime();
        SeshRuns.Run r = SeshRuns.run(home, "--port", port(), "config", "get", "device.sn");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, r.code(), r.err());
        assertTrue(r.errorLine().startsWith("error: the board sent a broken frame for Config.Get: "), r.err());
        assertTrue(r.errorLine().endsWith("\"sn\":\"caf\\xe9!}"), r.err());
        assertTrue(ms < 4000, "reported at once, not after the timeouts: " + ms + " ms");

        SeshRuns.Run repair = SeshRuns.run(home, "--port", port(), "--yes", "call", "Config.Set", "{\"config\":{\"device\":{\"sn\":\"cafe\"}},\"save\":true}");
        assertEquals(0, repair.code(), repair.err());
        assertEquals("cafe\n", SeshRuns.run(home, "--port", port(), "config", "get", "device.sn").out());
    }
}
