package dev.sesh.rpc.transport;

import dev.sesh.SeshException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ws://host[:port]/rpc} through the JDK's WebSocket client (mos-rpc.md 3), offering
 * subprotocol {@code clubby.cesanta.com}. One text message is one frame JSON: each frame line
 * written here goes out as one message (delimiters, Q3 and CRC removed, see {@link FrameLines});
 * each message received reads back as {@code \n{json}\n}. There is no XON/XOFF and no handshake.
 */
public final class WebSocketTransport implements Transport {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int QUEUE_BYTES = 1 << 20;
    private static final long CLOSE_WAIT_MS = 1000;

    private final String name;
    private final WebSocket ws;
    private final ByteQueue received;
    private final FrameLines lines = new FrameLines();

    private WebSocketTransport(String name, WebSocket ws, ByteQueue received) {
        this.name = name;
        this.ws = ws;
        this.received = received;
    }

    /**
     * Connects; a URL without a path means {@code /rpc}. Throws {@link SeshException#unreachable}
     * (exit 4) with a hint when the connection or the upgrade fails.
     */
    public static WebSocketTransport connect(URI given, Duration timeout) {
        URI uri = given.getRawPath() == null || given.getRawPath().isEmpty() ? given.resolve(WebSocketListener.PATH) : given;
        ByteQueue q = new ByteQueue(QUEUE_BYTES);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            WebSocket ws = client.newWebSocketBuilder()
                    .subprotocols(WsHandshake.SUBPROTOCOL)
                    .connectTimeout(timeout)
                    .buildAsync(uri, new Receiver(q))
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            return new WebSocketTransport("ws " + new PortSpec.WebSocket(uri).shortName(), ws, q);
        } catch (ExecutionException e) {
            throw unreachable(uri, timeout, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(uri, timeout, new HttpTimeoutException("timed out"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.unreachable("interrupted while connecting to " + uri, "try again");
        }
    }

    private static SeshException unreachable(URI uri, Duration timeout, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException h) {
            int status = h.getResponse().statusCode();
            String hint = switch (status) {
                case 404 -> "the RPC WebSocket lives at /rpc; check the URL";
                case 503 -> "the board may have rpc.ws.enable=false, or a simulator is already serving another client";
                default -> "check that the URL points at a Mongoose OS board or `sesh sim serve`";
            };
            return SeshException.unreachable(uri + " refused the WebSocket upgrade (HTTP " + status + ")", hint);
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return SeshException.unreachable("no answer from " + uri + " within " + timeout.toMillis() / 1000.0 + " s",
                    "check the host, the port and any firewall between");
        }
        if (cause instanceof ConnectException) {
            return SeshException.unreachable("nothing accepts connections at " + uri,
                    "check the board's address, or start `sesh sim serve --listen " + uri + "`");
        }
        return SeshException.unreachable("cannot open " + uri + ": " + cause, "check the URL");
    }

    /** Collects fragments into messages and queues each as one stream line. */
    private static final class Receiver implements WebSocket.Listener {
        private final ByteQueue q;
        private final StringBuilder text = new StringBuilder();

        Receiver(ByteQueue q) { this.q = q; }

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                byte[] line = FrameLines.asStreamLine(text.toString());
                text.setLength(0);
                try {
                    q.put(line, 0, line.length);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ws.abort();
                }
            }
            ws.request(1);
            return null;
        }

        @Override public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            return onText(ws, new String(b, StandardCharsets.UTF_8), last);
        }

        @Override public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            q.end();
            return null;
        }

        @Override public void onError(WebSocket ws, Throwable error) { q.end(); }
    }

    @Override public String name() { return name; }

    @Override public Kind kind() { return Kind.WEBSOCKET; }

    @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (String json : lines.feed(b, off, len)) {
            try {
                // One send at a time: the JDK refuses a send while the previous one is pending.
                ws.sendText(json, true).get();
            } catch (ExecutionException e) {
                throw new IOException(name + ": send failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while sending");
            }
        }
    }

    @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
        return received.take(buf, off, len, timeoutMs);
    }

    @Override public void close() {
        try {
            // After the peer's close there is nobody to wait for; abort below ends it.
            if (!ws.isOutputClosed() && !ws.isInputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The peer is gone or slow; aborting below is all that is left to do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ws.abort();
            received.end();
        }
    }
}
