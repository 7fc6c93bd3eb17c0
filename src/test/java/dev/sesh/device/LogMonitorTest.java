package dev.sesh.device;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.testing.ScriptedBoard;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board's log as {@code monitor} sees it, over a real byte stream: text lines, ROM garbage, reboots. */
class LogMonitorTest {
    /** Bytes as the ESP8266 ROM's 74880-baud message reads at 115200: high bytes, control bytes, a newline inside. */
    static final byte[] ROM_GARBAGE = {(byte) 0xe0, 0x00, (byte) 0x8c, 0x72, (byte) 0x9c, (byte) 0xfc, 0x0c, (byte) 0x82, 0x6c, '\n',
            (byte) 0xe4, (byte) 0x9e, 0x12, (byte) 0x9f, (byte) 0xf3, 0x0f, (byte) 0x8c, 0x63, (byte) 0xfb, 0x02};

    private final VirtualClock clock = new VirtualClock();
    private final InProcessTransport.Pair pair = InProcessTransport.pair();
    private final ChangeGate approve = new ChangeGate() {
        @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
    };

    @Test
    void romGarbageIsOneNonTextEventUnderARebootMarkerAndTextLinesFollow() throws Exception {
        try (ScriptedBoard peer = new ScriptedBoard(pair.device(), clock);
             Board board = new Board(new RpcClient(pair.host(), RpcOptions.defaults().withClock(clock)), "/dev/ttyUSB0", "ttyUSB0", approve, clock);
             LogMonitor m = LogMonitor.attach(board, () -> Instant.EPOCH)) {
            peer.send("mgos_system.c:43        Restarting\n");
            peer.send(new String(ROM_GARBAGE, StandardCharsets.ISO_8859_1) + "\n");
            peer.send("shim_platform.c:308     sesh-sim 1.0 (20240101-000000/sesh-sim)\n");
            peer.send("mgos_http_server.c:344  HTTP server started on [443] (SSL)\n");
            List<LogMonitor.Event> events = take(m, 5);
            assertEquals("mgos_system.c:43        Restarting", ((LogMonitor.Line) events.get(0)).text());
            assertInstanceOf(LogMonitor.Reboot.class, events.get(1));
            LogMonitor.NonText garbage = assertInstanceOf(LogMonitor.NonText.class, events.get(2));
            assertEquals(ROM_GARBAGE.length + 1, garbage.raw().length, "both garbage lines, one event, with their newlines");
            assertEquals("shim_platform.c:308     sesh-sim 1.0 (20240101-000000/sesh-sim)", ((LogMonitor.Line) events.get(3)).text());
            assertEquals("mgos_http_server.c:344  HTTP server started on [443] (SSL)", ((LogMonitor.Line) events.get(4)).text());
        }
    }

    @Test
    void garbageAloneIsReportedAfterAQuietSpell() throws Exception {
        try (ScriptedBoard peer = new ScriptedBoard(pair.device(), clock);
             Board board = new Board(new RpcClient(pair.host(), RpcOptions.defaults().withClock(clock)), "/dev/ttyUSB0", "ttyUSB0", approve, clock);
             LogMonitor m = LogMonitor.attach(board, () -> Instant.EPOCH)) {
            peer.send(new String(ROM_GARBAGE, 0, 9, StandardCharsets.ISO_8859_1) + "\n");
            LogMonitor.NonText n = assertInstanceOf(LogMonitor.NonText.class, take(m, 1).get(0));
            assertEquals(10, n.raw().length);
        }
    }

    @Test
    void textAfterGarbageOnTheSameLineIsSplitOff() {
        byte[] line = (new String(ROM_GARBAGE, 10, 10, StandardCharsets.ISO_8859_1) + "esp_main.c:137 Mongoose OS 2.20.0").getBytes(StandardCharsets.ISO_8859_1);
        List<LogMonitor.Event> e = LogMonitor.split(line, 0, Instant.EPOCH);
        assertEquals(2, e.size());
        assertEquals(11, ((LogMonitor.NonText) e.get(0)).raw().length);
        assertEquals("esp_main.c:137 Mongoose OS 2.20.0", ((LogMonitor.Line) e.get(1)).text());
    }

    @Test
    void utf8AndEscapeSequencesAreText() {
        byte[] line = "\u001b[32mtemp 21.5 \u00b0C\u001b[0m".getBytes(StandardCharsets.UTF_8);
        List<LogMonitor.Event> e = LogMonitor.split(line, 0, Instant.EPOCH);
        assertEquals("temp 21.5 \u00b0C", ((LogMonitor.Line) e.get(0)).text());
        assertTrue(LogMonitor.isText("tab\there".getBytes(StandardCharsets.US_ASCII), 0, 8));
    }

    private static List<LogMonitor.Event> take(LogMonitor m, int n) throws InterruptedException {
        List<LogMonitor.Event> got = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (got.size() < n && System.nanoTime() < deadline) {
            LogMonitor.Event e = m.next(20);
            if (e != null) got.add(e);
        }
        assertEquals(n, got.size(), "events: " + got);
        return got;
    }
}
