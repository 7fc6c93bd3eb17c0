package dev.sesh.rpc.transport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InProcessTransportTest {

    private static String read(Transport t, int max) throws IOException {
        byte[] buf = new byte[max];
        int n = t.read(buf, 0, max, 1000);
        return n < 0 ? "<eof>" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Test
    void deliversBytesInOrderBothWays() throws IOException {
        InProcessTransport.Pair p = InProcessTransport.pair();
        p.host().write("abc".getBytes(StandardCharsets.ISO_8859_1));
        p.host().write("def".getBytes(StandardCharsets.ISO_8859_1));
        p.device().write("xyz".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("abcd", read(p.device(), 4));
        assertEquals("ef", read(p.device(), 10));
        assertEquals("xyz", read(p.host(), 10));
        assertEquals(Transport.Kind.IN_PROCESS, p.host().kind());
    }

    @Test
    void readsZeroWhenNothingArrivesInTime() throws IOException {
        InProcessTransport.Pair p = InProcessTransport.pair();
        assertEquals(0, p.host().read(new byte[4], 0, 4, 0));
    }

    @Test
    void peerReadsPendingBytesThenEndAfterClose() throws IOException {
        InProcessTransport.Pair p = InProcessTransport.pair();
        p.device().write("bye".getBytes(StandardCharsets.ISO_8859_1));
        p.device().close();
        assertEquals("bye", read(p.host(), 10));
        assertEquals("<eof>", read(p.host(), 10));
        assertThrows(IOException.class, () -> p.host().write(new byte[1]));
    }

    @Test
    void wakesBlockedReaderWhenPeerCloses() throws Exception {
        InProcessTransport.Pair p = InProcessTransport.pair();
        Thread closer = new Thread(() -> p.device().close());
        closer.start();
        assertEquals(-1, p.host().read(new byte[4], 0, 4, 60_000));
        closer.join();
    }
}
