package dev.sesh.device;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.HttpTransport;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FS.Put chunks are sized from the link's frame limit (issue 25): on an HTTP link to a board with a
 * long host name the head leaves less room, and a fixed 2048-byte chunk would no longer fit the
 * firmware's 3072-byte receive buffer. Here the limit of such a link is put on an in-process link.
 */
class FsLinkLimitTest {
    /** An in-process link that claims {@code limit} as its frame limit and, like the network links, refuses larger frames. */
    private static final class Limited implements Transport {
        final Transport inner;
        final int limit;
        final List<Integer> frames = new CopyOnWriteArrayList<>();

        Limited(Transport inner, int limit) {
            this.inner = inner;
            this.limit = limit;
        }

        @Override public String name() { return inner.name(); }
        @Override public Kind kind() { return inner.kind(); }
        @Override public int maxFrameBytes() { return limit; }
        @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException { return inner.read(buf, off, len, timeoutMs); }
        @Override public void close() throws IOException { inner.close(); }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            String text = new String(b, off, len, StandardCharsets.ISO_8859_1);
            int open = text.indexOf('{');
            int close = text.lastIndexOf('}');
            if (open >= 0 && close > open) {
                int size = close - open + 1;
                frames.add(size);
                if (size > limit) throw new AssertionError("a frame of " + size + " bytes on a link that takes " + limit);
            }
            inner.write(b, off, len);
        }
    }

    @Test void chunksShrinkToFitAnHttpLinkToALongHostName() {
        int limit = HttpTransport.maxFrameBytes(URI.create("http://board-" + "x".repeat(300) + ".example.com:8080/rpc"));
        VirtualClock clock = new VirtualClock();
        SimBoard sim = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair pair = InProcessTransport.pair();
        sim.attach(pair.device());
        Limited link = new Limited(pair.host(), limit);
        ChangeGate yes = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        try (Board board = new Board(new RpcClient(link, RpcOptions.defaults().withClock(clock)), "sim:", "sim", yes, clock)) {
            byte[] data = new byte[12_000];
            for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 13);
            int chunk = new FsTransfer(board).putChunkSize("firmware-image.bin", data.length);
            assertTrue(chunk < FsTransfer.PUT_CHUNK && chunk % 3 == 0, "chunk " + chunk + " for a limit of " + limit);
            board.fs().put("firmware-image.bin", data, true);
            assertArrayEquals(data, board.fs().read("firmware-image.bin"));
            int largest = link.frames.stream().mapToInt(Integer::intValue).max().orElse(0);
            assertTrue(largest <= limit && largest > limit - 40, "the largest frame " + largest + " fills the limit " + limit);
        } finally {
            sim.powerOff();
        }
        assertEquals(limit, HttpTransport.maxFrameBytes(URI.create("http://board-" + "x".repeat(300) + ".example.com:8080/rpc")));
    }
}
