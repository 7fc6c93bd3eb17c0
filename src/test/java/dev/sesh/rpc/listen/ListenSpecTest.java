package dev.sesh.rpc.listen;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenSpecTest {
    @Test void parsesTcpAndWebSocket() {
        assertEquals(new ListenSpec(ListenSpec.Scheme.TCP, "127.0.0.1", 7777), ListenSpec.parse("tcp://127.0.0.1:7777"));
        assertEquals(new ListenSpec(ListenSpec.Scheme.WS, "localhost", 7778), ListenSpec.parse("ws://localhost:7778/rpc"));
        assertEquals(new ListenSpec(ListenSpec.Scheme.WS, "::1", 7778), ListenSpec.parse("ws://[::1]:7778"));
    }

    @Test void omittedHostMeansLoopback() {
        ListenSpec s = ListenSpec.parse("tcp://:7777");
        assertEquals("127.0.0.1", s.host());
        assertTrue(s.loopback());
    }

    @Test void wildcardAddressIsNotLoopback() throws Exception {
        assertFalse(ListenSpec.parse("tcp://0.0.0.0:7777").loopback());
        assertFalse(Listener.isLoopback(InetAddress.getByName("192.168.1.20")));
        assertTrue(Listener.isLoopback(InetAddress.getByName("127.0.0.2")));
        assertTrue(Listener.isLoopback(InetAddress.getByName("::1")));
    }

    @Test void refusesOtherSchemesAndPaths() {
        assertEquals(SeshException.USAGE, assertThrows(SeshException.class, () -> ListenSpec.parse("http://127.0.0.1:80")).exitCode());
        SeshException e = assertThrows(SeshException.class, () -> ListenSpec.parse("ws://127.0.0.1:7778/other"));
        assertEquals("the simulator serves only /rpc, not /other", e.getMessage());
        assertThrows(SeshException.class, () -> ListenSpec.parse("tcp://127.0.0.1"));
    }

    @Test void opensTheListenerTheSchemeNames() throws Exception {
        try (Listener l = Listener.open(ListenSpec.parse("ws://127.0.0.1:0/rpc"), t -> { })) {
            assertInstanceOf(WebSocketListener.class, l);
            assertEquals("ws://127.0.0.1:" + l.address().getPort() + "/rpc", l.url());
        }
        try (Listener l = Listener.open(ListenSpec.parse("tcp://127.0.0.1:0"), t -> { })) {
            assertInstanceOf(TcpListener.class, l);
        }
    }
}
