package dev.sesh.rpc.transport;

import dev.sesh.rpc.listen.TcpListener;
import dev.sesh.SeshException;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.sesh.rpc.transport.SerialTransportTest.awaitTrue;
import static dev.sesh.rpc.transport.SerialTransportTest.readExactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TcpTransport against TcpListener on loopback: the path `sim serve --listen tcp://` takes. */
class TcpTransportTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** An echo device: everything read goes straight back. */
    private static void echo(Transport t) {
        byte[] buf = new byte[512];
        try {
            int n;
            while ((n = t.read(buf, 0, buf.length, 1000)) >= 0) if (n > 0) t.write(buf, 0, n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] allBytesButFlowControl() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 256; i++) if (i != 0x11 && i != 0x13) b.write(i);
        return b.toByteArray();
    }

    @Test void roundTripsEveryByteExceptXonXoffThroughListener() throws Exception {
        try (TcpListener l = TcpListener.bind(ANY_LOOPBACK, TcpTransportTest::echo);
             TcpTransport t = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard())) {
            assertEquals(Transport.Kind.TCP, t.kind());
            assertEquals("tcp 127.0.0.1:" + l.address().getPort(), t.name());
            assertEquals("tcp://127.0.0.1:" + l.address().getPort(), l.url());
            byte[] data = allBytesButFlowControl();
            t.write(data);
            assertArrayEquals(data, readExactly(t, data.length));
        }
    }

    @Test void readReturnsZeroOnTimeoutAndMinusOneWhenPeerCloses() throws Exception {
        LinkedBlockingQueue<Transport> served = new LinkedBlockingQueue<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        try (TcpListener l = TcpListener.bind(ANY_LOOPBACK, dev -> { served.add(dev); release.join(); });
             TcpTransport t = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard())) {
            served.poll(10, TimeUnit.SECONDS);
            assertEquals(0, t.read(new byte[8], 0, 8, 1), "nothing sent yet");
            release.complete(null);
            int r = 0;
            for (int i = 0; i < 200 && r == 0; i++) r = t.read(new byte[8], 0, 8, 50);
            assertEquals(-1, r, "the listener closed the connection when the handler returned");
        }
    }

    @Test void deviceSideMayWriteFlowControlAndHostHonoursIt() throws Exception {
        LinkedBlockingQueue<Transport> served = new LinkedBlockingQueue<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        VirtualClock clock = new VirtualClock();
        XonXoff flow = new XonXoff(clock, XonXoff.DEFAULT_PAUSE_LIMIT);
        try (TcpListener l = TcpListener.bind(ANY_LOOPBACK, dev -> { served.add(dev); release.join(); });
             TcpTransport host = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), flow)) {
            Transport dev = served.poll(10, TimeUnit.SECONDS);
            dev.write(new byte[] {XonXoff.XOFF});
            awaitTrue(flow::peerPaused);
            CompletableFuture<Void> w = CompletableFuture.runAsync(() -> {
                try {
                    host.write("{}\n".getBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            awaitTrue(() -> flow.waitingWriters() == 1);
            assertFalse(w.isDone());
            dev.write(new byte[] {XonXoff.XON});
            w.get(10, TimeUnit.SECONDS);
            assertArrayEquals("{}\n".getBytes(), readExactly(dev, 3));
            release.complete(null);
        }
    }

    @Test void secondClientIsToldBusyAndDisconnected() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        LinkedBlockingQueue<Transport> served = new LinkedBlockingQueue<>();
        try (TcpListener l = TcpListener.bind(ANY_LOOPBACK, dev -> { served.add(dev); release.join(); });
             TcpTransport first = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard())) {
            served.poll(10, TimeUnit.SECONDS);
            try (TcpTransport second = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard())) {
                byte[] busy = TcpListener.BUSY_LINE.getBytes();
                assertArrayEquals(busy, readExactly(second, busy.length));
                int r = 0;
                for (int i = 0; i < 200 && r == 0; i++) r = second.read(new byte[8], 0, 8, 50);
                assertEquals(-1, r);
            }
            assertEquals(1, l.sessionsServed());
            release.complete(null);
        }
    }

    @Test void clientReconnectingAtOnceIsServedNotRefused() throws Exception {
        try (TcpListener l = TcpListener.bind(ANY_LOOPBACK, TcpTransportTest::echo)) {
            for (int i = 0; i < 3; i++) {
                try (TcpTransport t = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard())) {
                    t.write(("client " + i).getBytes());
                    assertArrayEquals(("client " + i).getBytes(), readExactly(t, 8));
                }
            }
            assertEquals(3, l.sessionsServed());
        }
    }

    @Test void nextClientIsServedAfterTheFirstLeaves() throws Exception {
        try (TcpListener l = TcpListener.bind(ANY_LOOPBACK, TcpTransportTest::echo)) {
            for (int i = 0; i < 2; i++) {
                try (TcpTransport t = TcpTransport.connect("127.0.0.1", l.address().getPort(), Duration.ofSeconds(5), XonXoff.standard())) {
                    t.write(("client " + i).getBytes());
                    assertArrayEquals(("client " + i).getBytes(), readExactly(t, 8));
                }
                awaitTrue(() -> !l.serving());
            }
        }
    }

    @Test void closedPortIsUnreachableWithHint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SeshException e = assertThrows(SeshException.class,
                () -> TcpTransport.connect("127.0.0.1", port, Duration.ofSeconds(5), XonXoff.standard()));
        assertEquals(SeshException.UNREACHABLE, e.exitCode());
        assertEquals("nothing accepts connections at tcp://127.0.0.1:" + port, e.getMessage());
        assertTrue(e.hint().contains("sim serve"), e.hint());
    }

    @Test void unknownHostIsUnreachableWithHint() {
        SeshException e = assertThrows(SeshException.class,
                () -> TcpTransport.connect("no-such-host.invalid", 7777, Duration.ofSeconds(5), XonXoff.standard()));
        assertEquals(SeshException.UNREACHABLE, e.exitCode());
        assertTrue(e.getMessage().startsWith("unknown host no-such-host.invalid"), e.getMessage());
    }
}
