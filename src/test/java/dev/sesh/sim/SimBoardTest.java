package dev.sesh.sim;

import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.sim.service.RpcService;
import dev.sesh.sim.service.SimIdentity;
import dev.sesh.sim.service.SimMethod;
import dev.sesh.sim.service.SimReply;
import dev.sesh.sim.service.SysService;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Board behaviours the captures show only once or not at all, on a virtual clock. */
class SimBoardTest {
    private final VirtualClock clock = new VirtualClock();
    private final MemoryConfig config = new MemoryConfig();

    private SimBoard board(FaultSpec faults, int baud, SimMethod... extra) {
        SimBoard.Builder b = SimBoard.builder(SimIdentity.seshSim(Bytes.ofHex("5ccf7f000001")), clock)
                .config(config).service(new RpcService()).service(new SysService()).faults(faults).baud(baud);
        if (extra.length > 0) b.service(ctx -> List.of(extra));
        SimBoard board = b.build();
        board.powerOn();
        while (board.nextEventAt() != Long.MAX_VALUE) {
            clock.advance(Math.max(0, board.nextEventAt() - clock.nanos()));
            board.poll();
        }
        board.takeOutput();
        return board;
    }

    private static String send(SimBoard board, String line) {
        board.receive((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return text(board.takeOutput());
    }

    private static String text(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }

    private void advanceMs(SimBoard board, long ms) {
        long target = clock.nanos() + ms * 1_000_000L;
        while (board.nextEventAt() <= target) {
            clock.advance(Math.max(0, board.nextEventAt() - clock.nanos()));
            board.poll();
        }
        clock.advance(target - clock.nanos());
        board.poll();
    }

    @Test
    void requestsInTheLast100MsBeforeARebootGet418WithTheTimeLeft() {
        SimBoard b = board(FaultSpec.none(), 0);
        send(b, "{\"id\":1,\"method\":\"Sys.Reboot\",\"params\":{\"delay_ms\":1000}}");
        advanceMs(b, 899);
        assertTrue(send(b, "{\"id\":2,\"method\":\"RPC.Ping\"}").contains("\"result\""));
        advanceMs(b, 31);
        assertEquals("\n{\"id\":3,\"src\":\"esp8266_000001\",\"error\":{\"code\":418,\"message\":\"shutting down in 70 ms\"}}\n",
                send(b, "{\"id\":3,\"method\":\"RPC.Ping\"}"));
        advanceMs(b, 70);
        assertEquals(2, b.boots());
    }

    @Test
    void rebootResetsStickyModes() {
        SimBoard b = board(FaultSpec.none(), 0);
        String json = "{\"id\":1,\"method\":\"RPC.Ping\"}";
        String crcReply = send(b, "\"\"\"" + json + FrameCodec.crc32Hex(json) + "\"\"\"");
        assertTrue(crcReply.contains("\"\"\"{\"id\":1,"), crcReply);
        send(b, "{\"id\":2,\"method\":\"Sys.Reboot\",\"params\":{\"delay_ms\":0}}");
        advanceMs(b, 1);
        String after = send(b, json);
        assertTrue(after.endsWith("\n{\"id\":1,\"src\":\"esp8266_000001\",\"result\":{\"channel_info\": \"UART0\"}}\n"), after);
    }

    @Test
    void aclDeniesWithoutViaLineAndAsksForAuthWhenUsersAreNamed() {
        SimBoard b = board(FaultSpec.none(), 0);
        config.set("rpc.acl", "[{\"method\":\"Sys.Re*\",\"acl\":\"-*\"},{\"method\":\"sys.*\",\"acl\":\"admin\"},{\"method\":\"*\",\"acl\":\"*\"}]");
        assertEquals("\n{\"id\":1,\"src\":\"esp8266_000001\",\"error\":{\"code\":403,\"message\":\"unauthorized\"}}\n",
                send(b, "{\"id\":1,\"method\":\"Sys.Reboot\"}"));
        String auth = send(b, "{\"id\":2,\"method\":\"Sys.GetInfo\"}");
        assertTrue(auth.startsWith("\n{\"id\":2,\"src\":\"esp8266_000001\",\"error\":{\"code\":401,\"message\":\"{\\\"auth_type\\\": \\\"digest\\\", \\\"nonce\\\": "), auth);
        assertTrue(send(b, "{\"id\":3,\"method\":\"RPC.Ping\"}").contains("RPC.Ping via UART UART0"));
    }

    @Test
    void repliesWaitInAQueueOfTwentyFiveAndTheOldestAreDropped() {
        int[] calls = {0};
        SimMethod slow = new SimMethod("Test.Count", "", (req, ctx) -> SimReply.result(Integer.toString(++calls[0])));
        SimBoard b = board(FaultSpec.none(), 115200, slow);
        StringBuilder batch = new StringBuilder();
        for (int i = 1; i <= 30; i++) batch.append("{\"id\":").append(i).append(",\"method\":\"Test.Count\"}\n");
        b.receive(batch.toString().getBytes(StandardCharsets.ISO_8859_1));
        advanceMs(b, 1000);
        String out = text(b.takeOutput());
        assertEquals(30, calls[0]);
        assertTrue(out.contains("{\"id\":1,"), out);
        for (int i = 2; i <= 5; i++) assertFalse(out.contains("{\"id\":" + i + ","), "id " + i + " should be dropped");
        for (int i = 6; i <= 30; i++) assertTrue(out.contains("{\"id\":" + i + ","), "id " + i);
    }

    @Test
    void outputIsPacedAtTheBaudRate() {
        SimBoard b = board(FaultSpec.none(), 115200);
        b.receive("{\"id\":1,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] first = b.takeOutput();
        assertEquals(0, first.length);
        long done = b.nextEventAt();
        String all = "mg_rpc.c:311            RPC.Ping via UART UART0\n\n{\"id\":1,\"src\":\"esp8266_000001\",\"result\":{\"channel_info\": \"UART0\"}}\n";
        assertEquals(all.length() * 86_805L, done - clock.nanos());
        clock.advance(10 * 86_805L);
        assertEquals("mg_rpc.c:", text(b.takeOutput()).substring(0, 9));
        clock.advance(done - clock.nanos());
        assertEquals(all.substring(10), text(b.takeOutput()));
    }

    @Test
    void debugLevelThreeAddsFrameLinesAndLosesWhatIsLoggedDuringSending() {
        SimBoard b = board(FaultSpec.none(), 0);
        send(b, "{\"id\":1,\"method\":\"Sys.SetDebug\",\"params\":{\"level\":3}}");
        String out = send(b, "{\"id\":2,\"method\":\"RPC.Ping\"}");
        assertTrue(out.startsWith("mg_rpc.c:512            0x"), out);
        assertTrue(out.contains(" GOT FRAME (28): {\"id\":2,\"method\":\"RPC.Ping\"}\nmg_rpc.c:396            '2' '' '' 'RPC.Ping'\n"), out);
        assertTrue(out.endsWith("}\nmg_rpc.c:540            " + out.substring(24, 34) + " FRAME SENT (1)\n"), out);
    }

    @Test
    void crcFaultSendsAWrongCrcOnTheChosenFrameOnly() {
        SimBoard b = board(FaultSpec.parse("crc@2", 7), 0);
        String json = "{\"id\":1,\"src\":\"esp8266_000001\",\"result\":{\"channel_info\": \"UART0\"}}";
        assertTrue(send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}").endsWith("\n" + json + "\n"));
        String bad = send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}");
        String crc = bad.substring(bad.lastIndexOf('}') + 1, bad.length() - 1);
        assertEquals(8, crc.length());
        assertFalse(crc.equals(FrameCodec.crc32Hex(json)));
        assertTrue(send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}").endsWith("\n" + json + "\n"));
    }

    @Test
    void dropAndFlipFaultsDamageOneByteOfTheFrame() {
        String good = "\n{\"id\":1,\"src\":\"esp8266_000001\",\"result\":{\"channel_info\": \"UART0\"}}\n";
        SimBoard d = board(FaultSpec.parse("drop@1", 3), 0);
        String dropped = send(d, "{\"id\":1,\"method\":\"RPC.Ping\"}").substring(48);
        assertEquals(good.length() - 1, dropped.length());
        SimBoard f = board(FaultSpec.parse("flip@1", 3), 0);
        String flipped = send(f, "{\"id\":1,\"method\":\"RPC.Ping\"}").substring(48);
        assertEquals(good.length(), flipped.length());
        int diffs = 0;
        for (int i = 0; i < good.length(); i++) if (good.charAt(i) != flipped.charAt(i)) diffs++;
        assertEquals(1, diffs);
    }

    @Test
    void delayFaultHoldsTheReplyOnTheClock() {
        SimBoard b = board(FaultSpec.parse("delay=6000@1", 1), 0);
        String now = send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}");
        assertTrue(now.endsWith("UART0\n"), now);
        advanceMs(b, 5999);
        assertEquals("", text(b.takeOutput()));
        advanceMs(b, 1);
        assertTrue(text(b.takeOutput()).startsWith("\n{\"id\":1,"));
    }

    @Test
    void rebootFaultRestartsTheBoardInsteadOfReplying() {
        SimBoard b = board(FaultSpec.parse("reboot@1", 1), 0);
        String out = send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}");
        assertFalse(out.contains("{\"id\":1"), out);
        assertTrue(out.contains("Init done"), out);
        assertEquals(2, b.boots());
    }

    @Test
    void cutFaultAsksForTheLinkToBeDropped() {
        SimBoard b = board(FaultSpec.parse("cut@1", 1), 0);
        send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}");
        assertTrue(b.linkCut());
        assertTrue(send(b, "{\"id\":2,\"method\":\"RPC.Ping\"}").contains("{\"id\":2,"));
    }

    @Test
    void xoffFaultSendsXoffHoldsInputAndSendsXonLater() {
        SimBoard b = board(FaultSpec.parse("xoff=3000@1", 1), 0);
        String out = send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}");
        assertTrue(out.contains("\u0013"), out);
        assertEquals(clock.nanos() + 3_000_000_000L, b.rxHeldUntil());
        advanceMs(b, 3000);
        assertEquals("\u0011", text(b.takeOutput()));
        assertEquals(Long.MIN_VALUE, b.rxHeldUntil());
    }

    @Test
    void junkFaultPutsNoiseBeforeTheFrameButNoDelimiter() {
        SimBoard b = board(FaultSpec.parse("junk@*", 5), 0);
        String out = send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}");
        String junk = out.substring(out.indexOf("UART0\n") + 6, out.indexOf("\n{\"id\":1,"));
        assertFalse(junk.isEmpty());
        assertFalse(junk.contains("\n") || junk.contains("\"\"\""), junk);
    }

    @Test
    void deviceIdComesFromConfigAndExpandsTheMac() {
        SimBoard b = board(FaultSpec.none(), 0);
        assertTrue(send(b, "{\"id\":1,\"dst\":\"esp8266_000001\",\"method\":\"RPC.Ping\"}").contains("\"src\":\"esp8266_000001\""));
    }

    @Test
    void logLinesLeaveTheRpcUartWhenStderrGoesElsewhere() {
        MemoryConfig quiet = new MemoryConfig(java.util.Map.of("debug.stderr_uart", -1));
        SimBoard b = SimBoard.builder(SimIdentity.seshSim(Bytes.ofHex("5ccf7f000001")), clock)
                .config(quiet).service(new RpcService()).build();
        b.powerOn();
        assertEquals("\n", text(b.takeOutput()));
        assertEquals("\n{\"id\":1,\"src\":\"esp8266_000001\",\"result\":{\"channel_info\": \"UART0\"}}\n",
                send(b, "{\"id\":1,\"method\":\"RPC.Ping\"}"));
    }
}
