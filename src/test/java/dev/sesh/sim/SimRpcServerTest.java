package dev.sesh.sim;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.bytes.Bytes;
import dev.sesh.sim.service.RpcService;
import dev.sesh.sim.service.SimIdentity;
import dev.sesh.sim.service.SimMethod;
import dev.sesh.sim.service.SimReply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.sesh.testing.LinkReads.readUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A board served over an in-process link on a virtual clock: no wall time for simulated seconds. */
class SimRpcServerTest {
    private final VirtualClock clock = new VirtualClock();

    /** A board with {@code Test.Slow}, a handler that spends 100 ms on the clock (a flash sector erase, say). */
    private SimBoard slowBoard(String mac, int baud) {
        SimMethod slow = new SimMethod("Test.Slow", "", (req, ctx) -> {
            try {
                ctx.clock().sleepMillis(100); // the firmware reads no UART meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SimReply.nullResult();
        });
        return SimBoard.builder(SimIdentity.seshSim(Bytes.ofHex(mac)), clock)
                .service(new RpcService()).service(ctx -> List.of(slow)).baud(baud).build();
    }

    /** A board's server and the host end of its link. */
    private record Served(SimRpcServer server, Transport host) implements AutoCloseable {
        @Override public void close() throws IOException { server.close(); }
    }

    /** Serves {@code board} in-process and, once it has booted, writes {@link #burst()} in one go. */
    private static Served servedAfterBurst(SimBoard board) throws IOException {
        InProcessTransport.Pair link = InProcessTransport.pair();
        SimRpcServer server = board.attach(link.device());
        readUntil(link.host(), "Init done");
        link.host().write(burst().getBytes(StandardCharsets.ISO_8859_1));
        return new Served(server, link.host());
    }

    /** Test.Slow, then 19 pings, back to back. */
    private static String burst() {
        StringBuilder b = new StringBuilder("{\"id\":1,\"method\":\"Test.Slow\"}\n");
        for (int i = 2; i <= 20; i++) b.append("{\"id\":").append(i).append(",\"method\":\"RPC.Ping\"}\n");
        return b.toString();
    }

    @Test
    void servesBootTextAndRepliesOverTheLink() throws Exception {
        SimBoard board = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        try (SimRpcServer server = board.attach(link.device())) {
            assertTrue(readUntil(link.host(), "Init done").contains("sesh-sim 1.0"));
            link.host().write("{\"id\":7,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readUntil(link.host(), "}}\n").contains("{\"id\":7,\"src\":\"esp8266_"));
            assertTrue(server.isRunning());
        }
    }

    @Test
    void rebootDelayPassesOnTheVirtualClock() throws Exception {
        SimBoard board = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        try (SimRpcServer server = board.attach(link.device())) {
            readUntil(link.host(), "Init done");
            long before = clock.nanos();
            link.host().write("{\"id\":1,\"method\":\"Sys.Reboot\",\"params\":{\"delay_ms\":60000}}\n".getBytes(StandardCharsets.ISO_8859_1));
            String out = readUntil(link.host(), "Init done");
            assertTrue(out.contains("Restarting"), out);
            assertTrue(clock.nanos() - before >= 60_000_000_000L);
        }
    }

    @Test
    void pacedLinkDeliversAtTheBaudRate() throws Exception {
        SimBoard board = SimFirmware.open(SimFixtures.options("baud", "9600"), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        try (SimRpcServer server = board.attach(link.device())) {
            readUntil(link.host(), "Init done");
            long before = clock.nanos();
            byte[] req = "{\"id\":1,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1);
            link.host().write(req);
            String out = readUntil(link.host(), "}}\n");
            // At least the request and the reply crossed the 9600-baud wire (10 bits a byte).
            long minNanos = (req.length + out.length()) * (10_000_000_000L / 9600);
            assertTrue(clock.nanos() - before >= minNanos, (clock.nanos() - before) + " < " + minNanos);
        }
    }

    @Test
    void cutFaultClosesTheLinkAndTheBoardServesTheNextOne() throws Exception {
        SimBoard board = SimFirmware.open(SimFixtures.options("faults", "cut@1"), clock);
        InProcessTransport.Pair first = InProcessTransport.pair();
        SimRpcServer server = board.attach(first.device());
        readUntil(first.host(), "Init done");
        first.host().write("{\"id\":1,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        server.join(5000);
        assertFalse(server.isRunning());
        InProcessTransport.Pair second = InProcessTransport.pair();
        try (SimRpcServer again = board.attach(second.device())) {
            second.host().write("{\"id\":2,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readUntil(second.host(), "}}\n").contains("{\"id\":2,"));
            assertEquals(1, board.boots());
        }
    }

    @Test
    void aBurstWhileAHandlerRunsFillsTheFifoSendsXoffLosesTheRestAndXonFollows() throws Exception {
        SimBoard board = slowBoard("5ccf7f000002", 115200);
        try (Served link = servedAfterBurst(board)) {
            String out = readUntil(link.host(), "{\"id\":5,");
            // The firmware reads once 40 bytes are in (the FIFO interrupt), so id 1 and 10 bytes of id 2;
            // 100 ms is 1152 byte times at 115200: all 19 pings arrive while the handler runs, the
            // 128-byte FIFO keeps the next (the rest of ids 2-5 and 22 bytes of id 6), the rest is lost
            int xoff = out.indexOf('\u0013'), xon = out.indexOf('\u0011');
            assertTrue(xoff >= 0 && xon > xoff, Captures.show(out.getBytes(StandardCharsets.ISO_8859_1)));
            for (int i = 2; i <= 5; i++) assertTrue(out.contains("{\"id\":" + i + ","), out);
            assertEquals(burst().length() - UartRx.WAKE_AT - UartRx.FIFO_BYTES, board.rxBytesLost());
            // the FIFO's tail (a piece of id 6) runs into the next frame (no id 6 result, no id 21); id 22 is answered
            link.host().write("{\"id\":21,\"method\":\"RPC.Ping\"}\n{\"id\":22,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1));
            out += readUntil(link.host(), "{\"id\":22,");
            assertFalse(out.contains("{\"id\":6,\"src\":\"esp8266_000002\",\"result\""), out);
            for (int i = 7; i <= 21; i++) assertFalse(out.contains("{\"id\":" + i + ","), out);
            assertTrue(out.contains("{\"id\":22,"), out);
        }
    }

    @Test
    void anUnpacedLinkLosesNothing() throws Exception {
        SimBoard board = slowBoard("5ccf7f000004", 0);
        try (Served link = servedAfterBurst(board)) {
            assertTrue(readUntil(link.host(), "{\"id\":20,").contains("{\"id\":20,"));
            assertEquals(0, board.rxBytesLost());
        }
    }

    @Test
    void aBoardIsServedOverOneLinkAtATime() throws Exception {
        SimBoard board = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair first = InProcessTransport.pair(), second = InProcessTransport.pair();
        try (SimRpcServer server = board.attach(first.device())) {
            assertThrows(IllegalStateException.class, () -> board.attach(second.device()));
        }
        try (SimRpcServer again = board.attach(second.device())) {
            assertTrue(again.isRunning());
        }
    }

    @Test
    void aFailingHandlerCrashesAndRestartsTheBoardButNotTheServer() throws Exception {
        SimMethod boom = new SimMethod("Test.Boom", "", (req, ctx) -> { throw new IllegalStateException("handler bug"); });
        SimBoard board = SimBoard.builder(SimIdentity.seshSim(Bytes.ofHex("5ccf7f000003")), clock)
                .service(new RpcService()).service(ctx -> List.of(boom)).build();
        InProcessTransport.Pair link = InProcessTransport.pair();
        try (SimRpcServer server = board.attach(link.device())) {
            readUntil(link.host(), "Init done");
            link.host().write("{\"id\":1,\"method\":\"Test.Boom\"}\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readUntil(link.host(), "Init done").contains("sesh-sim 1.0"));
            link.host().write("{\"id\":2,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readUntil(link.host(), "}}\n").contains("{\"id\":2,"));
            assertEquals(2, board.boots());
        }
    }
}
