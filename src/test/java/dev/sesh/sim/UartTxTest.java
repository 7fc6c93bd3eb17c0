package dev.sesh.sim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UartTxTest {
    private static final long BYTE_115200 = 86_805L; // 10 bits at 115200 baud, in ns

    private static int drained(UartTx tx, long at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tx.drain(at, out);
        return out.size();
    }

    @Test
    void bytesLeaveOneEveryTenBitTimes() {
        assertEquals(BYTE_115200, UartTx.byteNanos(115200));
        UartTx tx = new UartTx(UartTx.byteNanos(115200));
        tx.write(new byte[100], 0);
        assertEquals(0, drained(tx, BYTE_115200 - 1));
        assertEquals(1, drained(tx, BYTE_115200));
        assertEquals(9, drained(tx, 10 * BYTE_115200));
        assertEquals(100 * BYTE_115200, tx.nextEventAt(10 * BYTE_115200));
        assertEquals(90, drained(tx, 100 * BYTE_115200));
        assertTrue(tx.idle());
    }

    @Test
    void unpacedBytesLeaveAtOnce() {
        UartTx tx = new UartTx(0);
        tx.write(new byte[5000], 7);
        assertEquals(5000, drained(tx, 7));
    }

    @Test
    void hostXoffHoldsOutputUntilXon() {
        UartTx tx = new UartTx(BYTE_115200);
        tx.xoff(0);
        tx.write(new byte[10], 0);
        assertEquals(0, drained(tx, 1_000_000_000L));
        tx.xon(1_000_000_000L);
        assertEquals(0, drained(tx, 1_000_000_000L));
        assertEquals(10, drained(tx, 1_000_000_000L + 10 * BYTE_115200));
    }

    @Test
    void xoffTimesOutAfterTwoSeconds() {
        UartTx tx = new UartTx(0);
        tx.xoff(0);
        tx.write(new byte[3], 0);
        assertEquals(UartTx.XOFF_TIMEOUT_NANOS, tx.nextEventAt(0));
        assertEquals(0, drained(tx, UartTx.XOFF_TIMEOUT_NANOS - 1));
        assertEquals(3, drained(tx, UartTx.XOFF_TIMEOUT_NANOS));
    }
}
