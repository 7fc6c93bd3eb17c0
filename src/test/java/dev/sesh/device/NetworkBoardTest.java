package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.bytes.Clock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.HttpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.WebSocketTransport;
import dev.sesh.sim.SimBoard;
import dev.sesh.testing.SimTicker;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link Board} over {@code ws://} and {@code http://} to a simulated board's own HTTP port, real
 * loopback sockets and a real clock (issue 25): reboots close the socket and the link reopens by
 * itself; requests are sized to the firmware's 3072-byte receive buffer.
 */
class NetworkBoardTest {
    private SimBoard sim;
    private SimTicker ticker;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private Board board;

    @BeforeEach void boot() {
        sim = SimFirmware.open(SimOptions.defaults(), Clock.system());
        ticker = new SimTicker(sim);          // what sim serve does: run the board's timers (the reboot)
    }

    @AfterEach void off() throws InterruptedException {
        if (board != null) board.close();
        ticker.close();
    }

    private String hostPort() {
        String url = ticker.url("80").orElseThrow(() -> new AssertionError(ticker.log()));
        return url.substring("http://".length());
    }

    private Board connect(Transport t) {
        ChangeGate yes = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        board = new Board(new RpcClient(t, RpcOptions.defaults()), t.name(), t.name(), yes, Clock.system());
        return board;
    }

    private Board ws() {
        return connect(WebSocketTransport.connect(URI.create("ws://" + hostPort() + "/rpc"), Duration.ofSeconds(2), notices::add));
    }

    private Board http() {
        return connect(HttpTransport.connect(URI.create("http://" + hostPort() + "/rpc"), Duration.ofSeconds(2), Optional.empty()));
    }

    @Test void rebootOverWebSocketWaitsForTheReopenedLink() {
        Board b = ws();
        String id = b.info().id();
        Duration back = b.reboot(100, true);
        System.out.println("measured: reboot over ws:// back after " + back.toMillis() + " ms; " + notices);
        assertTrue(back.toMillis() < 10_000, back.toString());
        assertEquals(id, b.info().id(), "the same board answers on the reopened link");
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).matches("ws 127\\.0\\.0\\.1:\\d+: the link dropped \\(.*\\); reopened on try \\d of \\d+ after [0-9.]+ s"), notices.get(0));
    }

    @Test void configSetWithRebootOverWebSocketWaitsForTheBoard() {
        Board b = ws();
        ConfigSetResult r = b.config().set(Map.of("debug.level", 3), true);
        assertTrue(r.rebooted(), r.toString());
        assertEquals(3L, ((Number) b.config().get("debug.level")).longValue());
    }

    @Test void rebootOverHttpWaitsForTheBoard() {
        Board b = http();
        Duration back = b.reboot(100, true);
        System.out.println("measured: reboot over http:// back after " + back.toMillis() + " ms");
        assertTrue(back.toMillis() < 10_000, back.toString());
        assertTrue(b.info().id().startsWith("esp8266_"));
    }

    private static byte[] bytes(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) d[i] = (byte) (i * 31 + 7);
        return d;
    }

    private final List<Integer> putFrames = new CopyOnWriteArrayList<>();

    @Test void fsPutOverHttpKeepsEveryRequestInsideTheReceiveLimit() {
        Transport t = HttpTransport.connect(URI.create("http://" + hostPort() + "/rpc"), Duration.ofSeconds(2), Optional.empty());
        putAndCheck(t);
    }

    @Test void fsPutOverWebSocketKeepsEveryMessageInsideTheReceiveLimit() {
        Transport t = WebSocketTransport.connect(URI.create("ws://" + hostPort() + "/rpc"), Duration.ofSeconds(2), notices::add);
        putAndCheck(t);
    }

    private void putAndCheck(Transport t) {
        RpcClient rpc = new RpcClient(t, RpcOptions.defaults());
        rpc.addWireTrace((direction, json) -> {
            if (json.contains("\"FS.Put\"")) putFrames.add(json.getBytes(StandardCharsets.UTF_8).length);
        });
        ChangeGate yes = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        board = new Board(rpc, t.name(), t.name(), yes, Clock.system());
        byte[] data = bytes(20_000);
        long t0 = System.nanoTime();
        board.fs().put("big.bin", data, true);
        System.out.println("measured: fs put 20000 B over " + t.name() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms, largest FS.Put frame "
                + putFrames.stream().mapToInt(Integer::intValue).max().orElse(0) + " of " + t.maxFrameBytes());
        assertArrayEquals(data, board.fs().read("big.bin"));
        assertTrue(putFrames.size() >= 8, putFrames.toString());
        assertTrue(putFrames.stream().allMatch(n -> n <= t.maxFrameBytes()), putFrames + " vs " + t.maxFrameBytes());
        assertTrue(t.maxFrameBytes() <= 3072 - (t instanceof HttpTransport ? 100 : 8), "headers counted: " + t.maxFrameBytes());
    }

    @Test void aRequestOverTheLinkLimitIsRefusedBeforeItIsSent() {
        Board b = http();
        String big = "{\"key\":\"" + "x".repeat(3100) + "\"}";
        SeshException e = org.junit.jupiter.api.Assertions.assertThrows(SeshException.class, () -> b.raw("Config.Get", big));
        assertTrue(e.getMessage().contains("3072 with the headers"), e.getMessage());
        assertTrue(b.info().id().startsWith("esp8266_"), "the link is still usable");
    }
}
