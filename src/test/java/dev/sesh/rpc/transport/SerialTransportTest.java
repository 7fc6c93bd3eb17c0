package dev.sesh.rpc.transport;

import dev.sesh.SeshException;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.PtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SerialTransport through a real pty pair: the jSerialComm code path a board uses. */
class SerialTransportTest {
    @TempDir Path dir;
    private PtyPair pty;
    private final VirtualClock clock = new VirtualClock();
    private final XonXoff flow = new XonXoff(clock, XonXoff.DEFAULT_PAUSE_LIMIT);

    @BeforeEach void startPty() throws Exception { pty = PtyPair.start(dir); }

    @AfterEach void stopPty() throws Exception { if (pty != null) pty.close(); }

    private static byte[] allBytesButFlowControl() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 256; i++) if (i != 0x11 && i != 0x13) b.write(i);
        return b.toByteArray();
    }

    static byte[] readExactly(Transport t, int n) throws IOException {
        byte[] got = new byte[n];
        int have = 0;
        for (int tries = 0; have < n && tries < 200; tries++) {
            int r = t.read(got, have, n - have, 50);
            if (r < 0) throw new IOException("stream ended after " + have + " of " + n + " bytes");
            have += r;
        }
        assertEquals(n, have, "bytes received");
        return got;
    }

    private static byte[] readExactly(FileInputStream in, int n) throws IOException {
        // Not readNBytes: on a tty it tries to seek ("Illegal seek").
        byte[] got = new byte[n];
        int have = 0;
        while (have < n) {
            int r = in.read(got, have, n - have);
            if (r < 0) break;
            have += r;
        }
        assertEquals(n, have, "bytes received by the peer");
        return got;
    }

    @Test void roundTripsEveryByteExceptXonXoff() throws Exception {
        byte[] data = allBytesButFlowControl();
        try (SerialTransport t = SerialTransport.open(pty.a.toString(), 115200, flow);
             FileOutputStream peerOut = new FileOutputStream(pty.b.toFile());
             FileInputStream peerIn = new FileInputStream(pty.b.toFile())) {
            assertEquals(Transport.Kind.SERIAL, t.kind());
            assertEquals("ttyA", t.name());
            t.write(data);
            assertArrayEquals(data, readExactly(peerIn, data.length));
            peerOut.write(data);
            peerOut.flush();
            assertArrayEquals(data, readExactly(t, data.length));
        }
    }

    @Test void stripsXonXoffFromInputAnywhere() throws Exception {
        try (SerialTransport t = SerialTransport.open(pty.a.toString(), 115200, flow);
             FileOutputStream peerOut = new FileOutputStream(pty.b.toFile())) {
            peerOut.write(new byte[] {'{', 0x13, '}', 0x11, '\n'});
            peerOut.flush();
            assertArrayEquals(new byte[] {'{', '}', '\n'}, readExactly(t, 3));
            assertFalse(flow.peerPaused(), "the XON after the XOFF resumed us");
        }
    }

    @Test void refusesToSendStrayXonXoff() throws Exception {
        try (SerialTransport t = SerialTransport.open(pty.a.toString(), 115200, flow)) {
            IOException e = assertThrows(IOException.class, () -> t.write(new byte[] {'a', 0x13}));
            assertTrue(e.getMessage().contains("0x13"), e.getMessage());
        }
    }

    @Test void peerXoffHoldsWriteUntilXon() throws Exception {
        try (SerialTransport t = SerialTransport.open(pty.a.toString(), 115200, flow);
             FileOutputStream peerOut = new FileOutputStream(pty.b.toFile());
             FileInputStream peerIn = new FileInputStream(pty.b.toFile())) {
            peerOut.write(XonXoff.XOFF);
            peerOut.flush();
            awaitTrue(flow::peerPaused);
            CompletableFuture<Void> w = CompletableFuture.runAsync(() -> writeQuietly(t, "{\"id\":1}\n"));
            awaitTrue(() -> flow.waitingWriters() == 1);
            assertFalse(w.isDone(), "the virtual clock stands still, so only XON can release the write");
            peerOut.write(XonXoff.XON);
            peerOut.flush();
            w.get(10, TimeUnit.SECONDS);
            assertArrayEquals("{\"id\":1}\n".getBytes(), readExactly(peerIn, 9));
            assertEquals(0, flow.timeouts());
        }
    }

    @Test void peerXoffExpiresAfterTwoSeconds() throws Exception {
        try (SerialTransport t = SerialTransport.open(pty.a.toString(), 115200, flow);
             FileOutputStream peerOut = new FileOutputStream(pty.b.toFile());
             FileInputStream peerIn = new FileInputStream(pty.b.toFile())) {
            peerOut.write(XonXoff.XOFF);
            peerOut.flush();
            awaitTrue(flow::peerPaused);
            CompletableFuture<Void> w = CompletableFuture.runAsync(() -> writeQuietly(t, "ok\n"));
            awaitTrue(() -> flow.waitingWriters() == 1);
            clock.advanceMillis(1999);
            assertFalse(w.isDone(), "still held just before the limit");
            clock.advanceMillis(1);
            w.get(10, TimeUnit.SECONDS);
            assertArrayEquals("ok\n".getBytes(), readExactly(peerIn, 3));
            assertEquals(1, flow.timeouts());
        }
    }

    @Test void readEndsWhenTheDeviceVanishes() throws Exception {
        try (SerialTransport t = SerialTransport.open(pty.a.toString(), 115200, flow)) {
            pty.kill();
            byte[] buf = new byte[16];
            int r = 0;
            for (int i = 0; i < 200 && r >= 0; i++) r = t.read(buf, 0, buf.length, 50);
            assertEquals(-1, r, "read reports the end once the pty is gone");
        }
    }

    @Test void missingPortIsUnreachableWithHint() {
        SeshException e = assertThrows(SeshException.class,
                () -> SerialTransport.open(dir.resolve("ttyNone").toString(), 115200, flow));
        assertEquals(SeshException.UNREACHABLE, e.exitCode());
        assertTrue(e.getMessage().startsWith("no serial port "), e.getMessage());
        assertTrue(e.hint().contains("sesh ports"), e.hint());
    }

    @Test void portHeldByAnotherProgramIsBusy() {
        try (SerialTransport first = SerialTransport.open(pty.a.toString(), 115200, flow)) {
            SeshException e = assertThrows(SeshException.class,
                    () -> SerialTransport.open(pty.a.toString(), 115200, XonXoff.standard()));
            assertEquals(SeshException.UNREACHABLE, e.exitCode());
            assertTrue(e.getMessage().startsWith(pty.a + " is busy"), e.getMessage());
            assertTrue(e.hint().contains("another program"), e.hint());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeQuietly(Transport t, String s) {
        try {
            t.write(s.getBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for another thread to reach a state; a bound only against hanging, never a timing check. */
    static void awaitTrue(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not reached");
            Thread.sleep(2);
        }
    }
}
