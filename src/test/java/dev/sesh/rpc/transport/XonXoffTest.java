package dev.sesh.rpc.transport;

import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XonXoffTest {
    private final VirtualClock clock = new VirtualClock();
    private final XonXoff flow = new XonXoff(clock, Duration.ofSeconds(2));

    @Test void removesFlowBytesWhereverTheyAppear() {
        byte[] b = {0x13, '{', 0x11, '"', 0x13, 'a', 0x11, '}', 0x13};
        int n = flow.filterInput(b, 0, b.length);
        assertEquals(4, n);
        assertArrayEquals(new byte[] {'{', '"', 'a', '}'}, java.util.Arrays.copyOf(b, n));
    }

    @Test void lastFlowByteInABatchDecides() {
        byte[] pause = {0x11, 'x', 0x13};
        flow.filterInput(pause, 0, pause.length);
        assertTrue(flow.peerPaused());
        byte[] resume = {0x13, 0x11};
        assertEquals(0, flow.filterInput(resume, 0, resume.length));
        assertFalse(flow.peerPaused());
    }

    @Test void filtersOnlyTheGivenRange() {
        byte[] b = {0x13, 'a', 0x13, 'b'};
        assertEquals(1, flow.filterInput(b, 1, 2));
        assertEquals('a', b[1]);
        assertEquals(0x13, b[0], "bytes before the range are untouched");
    }

    @Test void writableAtOnceWithoutXoff() {
        assertDoesNotThrow(flow::awaitWritable);
        assertEquals(0, flow.timeouts());
    }

    @Test void xoffOlderThanTheLimitNoLongerHolds() throws IOException {
        flow.filterInput(new byte[] {0x13}, 0, 1);
        clock.advanceMillis(2000);
        flow.awaitWritable();
        assertEquals(1, flow.timeouts());
        assertFalse(flow.peerPaused(), "after the limit we resume on our own, like the device");
    }

    @Test void refusesOutgoingXonAndXoff() {
        assertDoesNotThrow(() -> XonXoff.checkOutgoing("{\"a\":1}\n".getBytes(), 0, 8));
        IOException e = assertThrows(IOException.class, () -> XonXoff.checkOutgoing(new byte[] {'a', 'b', 0x11}, 0, 3));
        assertEquals("refusing to send byte 0x11 at offset 2: XON/XOFF are flow control, never data", e.getMessage());
    }
}
