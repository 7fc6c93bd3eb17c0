package dev.sesh.sim;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire and the ESP8266's receive FIFO: arrival times, what a busy firmware keeps and loses. */
class UartRxTest {
    private static final long BYTE = UartTx.byteNanos(115200); // 86,805 ns

    private static byte[] bytes(int n, int first) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (first + i);
        return b;
    }

    @Test void bytesArriveOneByteTimeApartInTheOrderWritten() {
        UartRx rx = new UartRx(BYTE);
        rx.write(bytes(10, 0), 0);
        rx.write(bytes(5, 10), 3 * BYTE);              // written while the first ten are still on the wire
        assertEquals(0, rx.arrivedBy(BYTE - 1));
        assertEquals(1, rx.arrivedBy(BYTE));
        assertEquals(10, rx.arrivedBy(10 * BYTE));
        assertEquals(15, rx.arrivedBy(15 * BYTE));
        assertEquals(BYTE, rx.nextArrival());
        assertArrayEquals(bytes(12, 0), rx.take(12));
        assertEquals(13 * BYTE, rx.nextArrival());
    }

    @Test void aBusyFirmwareKeepsWhatArrivedBeforeAndTheFifoFullAndLosesTheRest() {
        UartRx rx = new UartRx(BYTE);
        rx.write(bytes(200, 0), 0);
        rx.write(bytes(50, 200), 0);
        long from = 20 * BYTE;                        // 20 bytes had arrived when the handler started
        long to = 220 * BYTE;                         // 200 more arrived while it ran
        long xoff = rx.busy(from, to);
        assertEquals(120 * BYTE, xoff, "XOFF when the 100th byte of the busy time entered the FIFO");
        assertEquals(200 - UartRx.FIFO_BYTES, rx.lost());
        assertEquals(20 + UartRx.FIFO_BYTES, rx.arrivedBy(to));
        byte[] kept = rx.take(20 + UartRx.FIFO_BYTES);
        assertArrayEquals(bytes(20 + UartRx.FIFO_BYTES, 0), kept);
        // the bytes after the lost ones still arrive at their own times
        assertEquals(221 * BYTE, rx.nextArrival());
        assertArrayEquals(bytes(30, 220), rx.take(30));
        assertTrue(rx.isEmpty());
    }

    @Test void aShortBusyTimeLosesNothingAndSendsNoXoff() {
        UartRx rx = new UartRx(BYTE);
        rx.write("{\"id\":2,\"method\":\"RPC.Ping\"}\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        assertEquals(Long.MIN_VALUE, rx.busy(0, 50 * BYTE));
        assertEquals(0, rx.lost());
        assertEquals(29, rx.arrivedBy(50 * BYTE));
    }

    @Test void anUnpacedWireNeverOverruns() {
        UartRx rx = new UartRx(0);
        rx.write(bytes(1000, 0), 5);
        assertEquals(Long.MIN_VALUE, rx.busy(10, 1_000_000_000L));
        assertEquals(1000, rx.arrivedBy(5));
        assertEquals(0, rx.lost());
    }
}
