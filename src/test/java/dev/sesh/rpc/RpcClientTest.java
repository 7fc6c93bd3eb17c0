package dev.sesh.rpc;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.testing.Link;
import dev.sesh.testing.ScriptedBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcClientTest {
    private static final String INFO = "{\"id\": \"esp8266_0A1B2C\", \"arch\": \"esp8266\"}";

    /** A client and a scripted board joined by one link, on one virtual clock. */
    private static final class Session implements AutoCloseable {
        final VirtualClock clock = new VirtualClock();
        final ScriptedBoard board;
        final RpcClient client;

        Session(Link link, WireProfile profile) throws IOException {
            Link.Ends ends = link.open();
            board = new ScriptedBoard(ends.device(), clock);
            RpcOptions o = RpcOptions.defaults().withClock(clock).withIds(RpcOptions.increasingFrom(100));
            client = new RpcClient(ends.host(), profile == null ? o : o.withProfile(profile));
        }

        Session(Link link) throws IOException { this(link, null); }

        @Override public void close() throws IOException {
            client.close();
            board.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void returnsResultTextOfReplyAsWritten(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("Sys.GetInfo").reply(INFO);
            RpcResponse r = s.client.call("Sys.GetInfo", null);
            assertEquals(INFO, r.resultJson());
            assertEquals("esp8266", r.result().get("arch").asText());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void throwsRemoteErrorWithCodeAndMessage(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("Config.Set").replyError(400, "invalid config value: [i2c.enable] is not a boolean");
            RpcRemoteException e = assertThrows(RpcRemoteException.class, () -> s.client.call("Config.Set", "{\"config\":{\"i2c\":{\"enable\":1}}}"));
            assertEquals(400, e.code());
            assertEquals("invalid config value: [i2c.enable] is not a boolean", e.remoteMessage());
            assertEquals("Config.Set failed: 400 invalid config value: [i2c.enable] is not a boolean", e.getMessage());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void treatsErrorCodeZeroAsSuccess(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("Sys.SetDebug").replyRaw("\n\"\"\"{\"id\":100,\"src\":\"esp8266_0A1B2C\",\"dst\":\"sesh\",\"error\":{\"code\":0}}\"\"\"\n");
            assertEquals("null", s.client.call("Sys.SetDebug", "{\"level\":3}").resultJson());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void retriesIdempotentCallAfterTimeout(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("Sys.GetInfo").noReply(Duration.ofSeconds(5));
            s.board.expect("Sys.GetInfo").reply(INFO);
            assertEquals(INFO, s.client.call("Sys.GetInfo", null).resultJson());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void givesUpAfterTwoRetries(Link link) throws IOException {
        try (Session s = new Session(link)) {
            for (int i = 0; i < 3; i++) s.board.expect("Config.Get").noReply(Duration.ofSeconds(10));
            RpcTimeoutException e = assertThrows(RpcTimeoutException.class, () -> s.client.call("Config.Get", null));
            assertEquals(Duration.ofSeconds(10), e.timeout());
            assertEquals("board did not answer Config.Get within 10 s", e.getMessage());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void doesNotResendNonIdempotentCall(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("ATCA.GenKey").noReply(Duration.ofSeconds(15));
            assertThrows(RpcTimeoutException.class, () -> s.client.call("ATCA.GenKey", "{\"slot\":0}"));
            s.board.expect("RPC.Ping").reply("{\"channel_info\": \"UART0\"}");
            s.client.call("RPC.Ping", null);
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void resendsCallMarkedIdempotentByCaller(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("FS.Put").noReply(Duration.ofSeconds(3));
            s.board.expect("FS.Put").reply("null");
            CallOptions o = CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(3)).asIdempotent();
            assertEquals("null", s.client.call("FS.Put", "{\"filename\":\"a\",\"offset\":512,\"data\":\"AA==\"}", o).resultJson());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void deliversLogLinesToListeners(Link link) throws IOException, InterruptedException {
        try (Session s = new Session(link)) {
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch got = new CountDownLatch(1);
            s.client.addLogListener(l -> {
                lines.add(l);
                got.countDown();
            });
            s.board.expect("RPC.Ping").logThenReply("mg_rpc.c:311            RPC.Ping via UART UART0", "{\"channel_info\": \"UART0\"}");
            s.client.call("RPC.Ping", null);
            assertTrue(got.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("mg_rpc.c:311            RPC.Ping via UART UART0"), lines);
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void ignoresReplyWithUnknownId(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("RPC.List").replyToOtherIdThenReply(99, "\"stale\"", "[\"RPC.List\"]");
            assertEquals("[\"RPC.List\"]", s.client.call("RPC.List", null).resultJson());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void dropsReplyWithBadCrcAndRetrySucceeds(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("ATCA.GetConfig").replyWithBadCrc("{\"config\": \"AAAA\"}", Duration.ofSeconds(15));
            s.board.expect("ATCA.GetConfig").reply("{\"config\": \"BBBB\"}");
            assertEquals("{\"config\": \"BBBB\"}", s.client.call("ATCA.GetConfig", null).resultJson());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void handshakesAfterTwoLostProbes(Link link) throws IOException {
        try (Session s = new Session(link, WireProfile.SERIAL)) {
            s.board.loseProbes(2);
            s.board.expect("Sys.GetInfo").reply(INFO);
            assertEquals(INFO, s.client.call("Sys.GetInfo", null).resultJson());
            assertEquals(3, s.board.probesSeen());
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void redoesHandshakeAfterATimeoutSoRebootedBoardAnswers(Link link) throws IOException {
        try (Session s = new Session(link, WireProfile.SERIAL)) {
            s.board.expect("Sys.Reboot").reply("null");
            s.client.call("Sys.Reboot", null);
            s.board.expect("Sys.GetInfo").noReply(Duration.ofSeconds(5));
            s.board.expect("Sys.GetInfo").reply(INFO);
            s.board.send("\nmgos_init.c:250         Init done, RAM: 52080\n");
            assertEquals(INFO, s.client.call("Sys.GetInfo", null).resultJson());
            assertEquals(2, s.board.probesSeen());
            s.board.verify();
        }
    }

    @Test
    void writesBareJsonLineWithWebSocketProfile() throws IOException {
        try (Session s = new Session(Link.IN_PROCESS, WireProfile.WEBSOCKET)) {
            s.board.expect("RPC.Ping").reply("{\"channel_info\": \"ws\"}");
            s.client.call("RPC.Ping", null);
            assertEquals("{\"src\":\"sesh\",\"id\":100,\"method\":\"RPC.Ping\"}\n", new String(s.board.received(), StandardCharsets.ISO_8859_1));
            s.board.verify();
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void sendsDefaultProfileOfTheLink(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("RPC.Ping").reply("{\"channel_info\": \"UART0\"}");
            s.client.call("RPC.Ping", null);
            String json = "{\"src\":\"sesh\",\"id\":100,\"method\":\"RPC.Ping\"}";
            String frame = "\n\"\"\"" + json + FrameCodec.crc32Hex(json) + "\"\"\"\n";
            String handshake = link == Link.IN_PROCESS ? "\"\"\"\u0004\"\"\"\n\n\"\"\"" : "";
            assertEquals(handshake + frame, new String(s.board.received(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void endsCallEvenIfNobodyAdvancesTheVirtualClock() throws IOException {
        try (Session s = new Session(Link.IN_PROCESS)) {
            s.board.expect("FS.Remove").replyRaw("");
            assertThrows(RpcTimeoutException.class,
                    () -> s.client.call("FS.Remove", "{\"filename\":\"a\"}", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(50))));
            s.board.verify();
        }
    }

    @Test
    void endsHandshakeEvenIfNobodyAdvancesTheVirtualClock() throws IOException {
        try (Session s = new Session(Link.IN_PROCESS, WireProfile.SERIAL)) {
            s.board.ignoreProbes();
            assertThrows(RpcTimeoutException.class,
                    () -> s.client.call("FS.Remove", "{\"filename\":\"a\"}", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(50))));
            assertTrue(s.board.probesSeen() >= 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void failsPromptlyWhenChannelCloses(Link link) throws IOException {
        try (Session s = new Session(link)) {
            s.board.expect("FS.List").hangUp();
            assertThrows(RpcChannelClosedException.class, () -> s.client.call("FS.List", null));
            assertThrows(RpcChannelClosedException.class, () -> s.client.call("FS.List", null));
        }
    }
}
