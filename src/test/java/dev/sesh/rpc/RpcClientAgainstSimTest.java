package dev.sesh.rpc;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.sim.SimRpcServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against the simulated board over an in-process link: handshake, CRC, logs, errors, a reboot. */
class RpcClientAgainstSimTest {
    private final VirtualClock clock = new VirtualClock();
    private final List<String> logs = new CopyOnWriteArrayList<>();

    private RpcClient connect(InProcessTransport.Pair link) {
        RpcClient client = new RpcClient(link.host(), RpcOptions.defaults().withClock(clock));
        client.addLogListener(logs::add);
        return client;
    }

    @Test
    void callsSimulatedBoardWithSerialProfile() throws Exception {
        SimBoard board = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        try (SimRpcServer server = board.attach(link.device()); RpcClient client = connect(link)) {
            RpcResponse info = client.call("Sys.GetInfo", null);
            assertTrue(info.result().get("id").asText().startsWith("esp8266_"), info.resultJson());
            assertTrue(logs.stream().anyMatch(l -> l.endsWith("Sys.GetInfo via UART UART0")), logs.toString());
            RpcRemoteException e = assertThrows(RpcRemoteException.class, () -> client.call("Foo.Bar", null));
            assertEquals(404, e.code());
            assertEquals("No handler for Foo.Bar", e.remoteMessage());
        }
    }

    @Test
    void leanOptionsSendNoSrcNoQ3AndTheBoardAnswersInNewlineFraming() throws Exception {
        SimBoard board = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        java.io.ByteArrayOutputStream up = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream down = new java.io.ByteArrayOutputStream();
        dev.sesh.rpc.transport.Transport host = link.host();
        dev.sesh.rpc.transport.Transport tapped = new dev.sesh.rpc.transport.Transport() {
            @Override public String name() { return host.name(); }
            @Override public Kind kind() { return host.kind(); }
            @Override public void write(byte[] b, int off, int len) throws java.io.IOException {
                synchronized (up) { up.write(b, off, len); }
                host.write(b, off, len);
            }
            @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws java.io.IOException {
                int n = host.read(buf, off, len, timeoutMs);
                if (n > 0) synchronized (down) { down.write(buf, off, n); }
                return n;
            }
            @Override public void close() throws java.io.IOException { host.close(); }
        };
        try (SimRpcServer server = board.attach(link.device());
             RpcClient client = new RpcClient(tapped, RpcOptions.lean().withClock(clock))) {
            assertEquals(WireProfile.SERIAL_LEAN, client.profile());
            client.call("Sys.GetInfo", null);
            client.call("RPC.Ping", null);
            String sent;
            String got;
            synchronized (up) { sent = up.toString(StandardCharsets.ISO_8859_1); }
            synchronized (down) { got = down.toString(StandardCharsets.ISO_8859_1); }
            assertTrue(sent.startsWith("\n\u0004\n"), "newline handshake probe: " + sent);
            assertFalse(sent.contains("\"\"\"") || sent.contains("\"src\""), sent);
            assertTrue(sent.matches("(?s).*\n\\{\"id\":\\d{3},\"method\":\"RPC.Ping\"}[0-9a-f]{8}\n"), sent);
            // The EOF echo is the device's only Q3: it never saw one, so its replies stay in newline framing.
            assertEquals(1, got.split("\"\"\"\u0004\"\"\"", -1).length - 1, got);
            assertFalse(got.replace("\"\"\"\u0004\"\"\"", "").contains("\"\"\""), got);
            assertFalse(got.contains("\"dst\""), got);
        }
    }

    @Test
    void goesOnWorkingAfterTheBoardReboots() throws Exception {
        SimBoard board = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        try (SimRpcServer server = board.attach(link.device()); RpcClient client = connect(link)) {
            client.call("RPC.Ping", null);
            CountDownLatch booted = new CountDownLatch(1);
            client.addLogListener(l -> {
                if (l.contains("Init done")) booted.countDown();
            });
            assertEquals("null", client.call("Sys.Reboot", "{\"delay_ms\":200}").resultJson());
            assertTrue(booted.await(10, TimeUnit.SECONDS), logs.toString());
            // The first boot's lines may predate the client (it discards what was pending); the reboot's must be there.
            int restart = logs.indexOf(logs.stream().filter(l -> l.contains("Restarting")).findFirst().orElseThrow());
            assertTrue(logs.subList(restart, logs.size()).stream().anyMatch(l -> l.contains("Init done")), logs.toString());
            assertTrue(client.call("RPC.Ping", null).resultJson().contains("channel_info"));
        }
    }
}
