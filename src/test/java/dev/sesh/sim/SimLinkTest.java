package dev.sesh.sim;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.frame.FrameCodec;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.rpc.listen.ListenSpec;
import dev.sesh.rpc.listen.Listener;
import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.XonXoff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.sesh.testing.LinkReads.readUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same board exchange over an in-process pair and over TCP loopback (style.md 9). */
class SimLinkTest {
    enum Link { IN_PROCESS, TCP }

    private record Opened(Transport host, Closeable server) {}

    private static Opened open(Link kind, SimBoard board) throws IOException {
        if (kind == Link.IN_PROCESS) {
            InProcessTransport.Pair p = InProcessTransport.pair();
            return new Opened(p.host(), board.attach(p.device()));
        }
        Listener l = Listener.open(ListenSpec.parse("tcp://127.0.0.1:0"), board::serve);
        Transport host = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard());
        return new Opened(host, l);
    }

    @ParameterizedTest
    @EnumSource(Link.class)
    void mosHandshakeThenCrcRequestIsAnsweredInQ3FramingWithCrc(Link kind) throws Exception {
        SimBoard board = SimFirmware.open(SimOptions.defaults(), new VirtualClock());
        Opened o = open(kind, board);
        try (Transport host = o.host(); Closeable server = o.server()) {
            readUntil(host, "min free\n");            // the whole "Init done" line: TCP may split it
            host.write(FrameCodec.HANDSHAKE_PROBE);
            assertEquals("\n\"\"\"\u0004\"\"\"\n\n", readUntil(host, "\"\"\"\n\n"));
            String json = "{\"src\":\"mos\",\"id\":1374389534721,\"method\":\"RPC.Ping\"}";
            host.write(FrameCodec.encode(json, true, true));
            String reply = "{\"id\":1374389534721,\"src\":\"" + board.identity().defaultDeviceId()
                    + "\",\"dst\":\"mos\",\"result\":{\"channel_info\": \"UART0\"}}";
            String out = readUntil(host, "\"\"\"\n\n");
            assertTrue(out.endsWith("\n\"\"\"" + reply + FrameCodec.crc32Hex(reply) + "\"\"\"\n\n"), out);
        }
    }
}
