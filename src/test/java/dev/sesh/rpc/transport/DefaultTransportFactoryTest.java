package dev.sesh.rpc.transport;

import dev.sesh.rpc.listen.TcpListener;
import dev.sesh.rpc.listen.WebSocketListener;
import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultTransportFactoryTest {
    private final DefaultTransportFactory factory = new DefaultTransportFactory(Duration.ofSeconds(5));

    @Test void simSpecNeedsTheCliFactory() {
        SeshException e = assertThrows(SeshException.class, () -> factory.open(PortSpec.parse("sim:", 115200)));
        assertTrue(e.getMessage().startsWith("cannot open sim: here"), e.getMessage());
    }

    @Test void opensEachKindThroughItsOwnMethod() throws Exception {
        InetSocketAddress lo = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (TcpListener tcp = TcpListener.bind(lo, t -> { });
             WebSocketListener ws = WebSocketListener.bind(lo, t -> { })) {
            try (Transport t = factory.open(PortSpec.parse(tcp.url(), 115200))) {
                assertEquals(Transport.Kind.TCP, t.kind());
            }
            try (Transport t = factory.open(PortSpec.parse(ws.url(), 115200))) {
                assertEquals(Transport.Kind.WEBSOCKET, t.kind());
            }
        }
        SeshException e = assertThrows(SeshException.class, () -> factory.open(PortSpec.parse("/dev/sesh-no-such-tty", 115200)));
        assertEquals("no serial port /dev/sesh-no-such-tty", e.getMessage());
    }

    @Test void cliFactoryOverridesOnlySim() throws Exception {
        Transport fake = new Transport() {
            public String name() { return "sim"; }
            public Kind kind() { return Kind.IN_PROCESS; }
            public void write(byte[] b, int off, int len) { }
            public int read(byte[] buf, int off, int len, int timeoutMs) { return -1; }
            public void close() { }
        };
        DefaultTransportFactory withSim = new DefaultTransportFactory() {
            @Override public Transport openSim(PortSpec.Sim s) { return fake; }
        };
        assertEquals(fake, withSim.open(PortSpec.parse("sim:", 115200)));
    }
}
