package dev.sesh.rpc.transport;

import dev.sesh.rpc.listen.PtyBridge;
import dev.sesh.rpc.listen.TcpListener;
import dev.sesh.testing.PtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.sesh.rpc.transport.SerialTransportTest.awaitTrue;
import static dev.sesh.rpc.transport.SerialTransportTest.readExactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `sim serve --pty`: jSerialComm -> pty -> socat -> TcpListener, the way a serial client reaches the simulator. */
class PtyBridgeTest {
    @TempDir Path dir;

    private static void echo(Transport t) {
        byte[] buf = new byte[512];
        try {
            int n;
            while ((n = t.read(buf, 0, buf.length, 1000)) >= 0) if (n > 0) t.write(buf, 0, n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Like a real UART: the board's side stays connected while host programs come and go. */
    @Test void serialClientReachesTheListenerAndTheNextClientToo() throws Exception {
        PtyPair.requireSocat();
        try (TcpListener l = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), PtyBridgeTest::echo);
             PtyBridge pty = PtyBridge.start(dir.resolve("ttySIM"), l.address())) {
            for (int i = 0; i < 2; i++) {
                awaitTrue(() -> Files.exists(pty.link()));
                try (SerialTransport t = SerialTransport.open(pty.link().toString(), 115200, XonXoff.standard())) {
                    byte[] frame = ("\n{\"id\":" + i + ",\"method\":\"Sys.GetInfo\"}\n").getBytes();
                    t.write(frame);
                    assertArrayEquals(frame, readExactly(t, frame.length));
                }
                assertTrue(Files.exists(pty.link()), "the link stays for the next client");
            }
            assertEquals(1, l.sessionsServed());
            assertEquals(1, pty.runs());
        }
        assertFalse(Files.exists(dir.resolve("ttySIM")), "the link goes away with socat");
    }

    @Test void deviceFlowControlReachesTheSerialClient() throws Exception {
        PtyPair.requireSocat();
        LinkedBlockingQueue<Transport> served = new LinkedBlockingQueue<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        XonXoff flow = XonXoff.standard();
        try (TcpListener l = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), d -> { served.add(d); release.join(); });
             PtyBridge pty = PtyBridge.start(dir.resolve("ttySIM"), l.address());
             SerialTransport t = SerialTransport.open(pty.link().toString(), 115200, flow)) {
            t.write("\n".getBytes());
            Transport dev = served.poll(10, TimeUnit.SECONDS);
            dev.write(new byte[] {'a', XonXoff.XOFF, 'b'});
            assertArrayEquals("ab".getBytes(), readExactly(t, 2));
            awaitTrue(flow::peerPaused);
            dev.write(new byte[] {XonXoff.XON});
            awaitTrue(() -> !flow.peerPaused());
            release.complete(null);
        }
    }
}
