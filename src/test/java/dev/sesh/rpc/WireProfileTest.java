package dev.sesh.rpc;

import dev.sesh.rpc.transport.Transport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WireProfileTest {

    @Test
    void choosesProfileByTransportKind() {
        assertEquals(WireProfile.SERIAL, WireProfile.forKind(Transport.Kind.SERIAL));
        assertEquals(WireProfile.SERIAL, WireProfile.forKind(Transport.Kind.IN_PROCESS));
        assertEquals(WireProfile.TCP, WireProfile.forKind(Transport.Kind.TCP));
        assertEquals(WireProfile.WEBSOCKET, WireProfile.forKind(Transport.Kind.WEBSOCKET));
    }

    @Test
    void describesItselfForStatusOutput() {
        assertEquals("Q3+CRC frames, handshake", WireProfile.SERIAL.toString());
        assertEquals("Q3+CRC frames", WireProfile.TCP.toString());
        assertEquals("JSON messages", WireProfile.WEBSOCKET.toString());
    }
}
