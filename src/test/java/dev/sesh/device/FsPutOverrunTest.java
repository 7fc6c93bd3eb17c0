package dev.sesh.device;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.rpc.listen.ListenSpec;
import dev.sesh.rpc.listen.Listener;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.XonXoff;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimRpcServer;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static dev.sesh.testing.LinkReads.readUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24 item 2, the UART receive path: over TCP loopback to a simulated board at 115200 baud, a
 * host that sends a second FS.Put while the first one's handler writes flash overruns the board's
 * 128-byte receive FIFO and loses the second frame, as an ESP8266 does; sesh's own put (one FS.Put
 * in flight) loses nothing.
 */
class FsPutOverrunTest {
    private final VirtualClock clock = new VirtualClock();

    private SimBoard board() {
        return SimFirmware.open(SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:?baud=115200", 0)), clock);
    }

    private static Listener listen(SimBoard sim) throws IOException {
        return Listener.open(ListenSpec.parse("tcp://127.0.0.1:0"), sim::serve);
    }

    private static Transport connect(Listener l) {
        return TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard());
    }

    private static byte[] put(int id, String name, byte[] data, int offset) {
        String json = "{\"id\":" + id + ",\"method\":\"FS.Put\",\"params\":{\"filename\":\"" + name + "\",\"data\":\""
                + Base64.getEncoder().encodeToString(data) + "\",\"offset\":" + offset + ",\"append\":" + (offset > 0) + "}}";
        return FrameCodec.encode(json, false, true);
    }

    @Test void aHostThatSendsTheNextFsPutWhileTheFirstIsWrittenLosesBytesAndThatFrame() throws Exception {
        SimBoard sim = board();
        byte[] data = new byte[4096];
        new Random(24).nextBytes(data);
        // In process: the two frames reach the board's UART together, as from a host that pipelines
        // (over TCP loopback a busy machine may deliver them apart, and nothing would overrun).
        InProcessTransport.Pair pair = InProcessTransport.pair();
        try (SimRpcServer served = sim.attach(pair.device()); Transport host = pair.host()) {
            readUntil(host, "min free\n");
            byte[] first = put(1, "p.bin", Arrays.copyOfRange(data, 0, 2048), 0);
            byte[] second = put(2, "p.bin", Arrays.copyOfRange(data, 2048, 4096), 2048);
            byte[] both = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            host.write(both);                                  // back to back, as a pipelining host does
            String out = readUntil(host, "{\"id\":1,");
            out += readUntil(host, "Corrupted frame");
            host.write(FrameCodec.encode("{\"id\":3,\"method\":\"FS.ListExt\"}", false, true));
            out += readUntil(host, "}]}");
            assertTrue(out.contains("{\"id\":1,") && out.contains("\"result\":null"), out);
            assertFalse(out.contains("{\"id\":2,\"src\""), "the second frame lost bytes on the board and got no reply: " + out);
            assertTrue(out.contains("Corrupted frame"), out);
            assertTrue(out.contains("\"size\": 2048"), "only the first chunk was written: " + out);
            assertTrue(sim.rxBytesLost() > 0);
        } finally {
            sim.powerOff();
        }
    }

    @Test void seshsOwnMultiChunkPutLosesNothing() throws Exception {
        SimBoard sim = board();
        byte[] data = new byte[6000];                       // three chunks, one FS.Put in flight
        new Random(24).nextBytes(data);
        try (Listener l = listen(sim)) {
            RpcClient rpc = new RpcClient(connect(l), RpcOptions.defaults().withClock(clock));
            ChangeGate approve = new ChangeGate() {
                @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
            };
            try (Board b = new Board(rpc, "tcp:", "tcp", approve, clock)) {
                b.fs().put("big.bin", data, false);
                assertArrayEquals(data, b.fs().read("big.bin"));
            }
            assertEquals(0, sim.rxBytesLost());
        } finally {
            sim.powerOff();
        }
    }
}
