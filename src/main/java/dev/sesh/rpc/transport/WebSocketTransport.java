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
import java.util.function.Consumer;

/**
 * {@code ws://host[:port]/rpc} through the JDK's WebSocket client (mos-rpc.md 3), offering
 * subprotocol {@code clubby.cesanta.com}. One text message is one frame JSON: each frame line
 * written here goes out as one message (delimiters, Q3 and CRC removed, see {@link FrameLines});
 * each message received reads back as {@code \n{json}\n}. There is no XON/XOFF and no handshake.
 *
 * <p>The board closes the socket when it reboots (and a Wi-Fi blip drops it), so a dropped link is
 * reopened here by itself: up to {@link #REOPEN_TRIES} tries within {@link #REOPEN_BUDGET}, with a doubling pause from
 * {@link #FIRST_PAUSE} (capped at {@link #MAX_PAUSE}), said in one line to the notice sink
 * (stderr). Writes wait for the link meanwhile. A request that was on its way when the link
 * dropped gets no reply: the RPC client times out on it, and its lost-reply handling (resend an
 * idempotent call, read back a change) takes over. Only when every try failed does the stream end
 * (the RPC client then reports the link as closed, exit 4).
 *
 * <p>The board keeps a WebSocket message in a receive buffer of {@link #BOARD_RECEIVE_LIMIT} bytes,
 * frame header included; a longer message is never completed there and the link hangs silently.
 * So a frame over {@link #maxFrameBytes()} is refused before it is sent (docs/decisions.md,
 * "frame sizes on network links").
 */
public final class WebSocketTransport implements Transport {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The firmware's receive buffer (Mongoose 6.18, MG_MAX_HTTP_REQUEST_SIZE): one whole frame must fit. */
    public static final int BOARD_RECEIVE_LIMIT = 3072;
    /** A client frame of 126..65535 payload bytes has a 4-byte header and a 4-byte mask (RFC 6455 5.2). */
    static final int CLIENT_FRAME_HEADER = 8;
    static final int REOPEN_TRIES = 8;
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    /** No new try starts after this long: a board that is gone for good is reported within about this. */
    static final Duration REOPEN_BUDGET = Duration.ofSeconds(20);

    /** How a dropped link is reopened: at most {@code tries}, pauses doubling from {@code firstPause} up to {@code maxPause}, none started after {@code budget}. */
    record Reopen(int tries, Duration firstPause, Duration maxPause, Duration budget) {
        static final Reopen DEFAULT = new Reopen(REOPEN_TRIES, FIRST_PAUSE, MAX_PAUSE, REOPEN_BUDGET);
    }
    private static final int QUEUE_BYTES = 1 << 20;
    private static final long CLOSE_WAIT_MS = 1000;

    private final String name;
    private final URI uri;
    private final Duration timeout;
    private final Consumer<String> notices;
    private final Reopen policy;
    private final ByteQueue received = new ByteQueue(QUEUE_BYTES);
    private final FrameLines lines = new FrameLines();
    private final Object link = new Object();
    private WebSocket ws;                 // guarded by link; null while reopening
    private IOException gaveUp;           // guarded by link
    private boolean closed;               // guarded by link
    private int drops;                    // guarded by link

    private WebSocketTransport(String name, URI uri, Duration timeout, Consumer<String> notices, Reopen policy) {
        this.policy = policy;
        this.name = name;
        this.uri = uri;
        this.timeout = timeout;
        this.notices = notices;
    }

    /**
     * Connects; a URL without a path means {@code /rpc}. Throws {@link SeshException#unreachable}
     * (exit 4) with a hint when the connection or the upgrade fails. Reopen notices go to stderr.
     */
    public static WebSocketTransport connect(URI given, Duration timeout) {
        return connect(given, timeout, line -> {
            System.err.println(line);
            System.err.flush();
        });
    }

    /** As {@link #connect(URI, Duration)}, with the one-line reopen notices going to {@code notices}. */
    public static WebSocketTransport connect(URI given, Duration timeout, Consumer<String> notices) {
        return connect(given, timeout, notices, Reopen.DEFAULT);
    }

    static WebSocketTransport connect(URI given, Duration timeout, Consumer<String> notices, Reopen policy) {
        URI uri = given.getRawPath() == null || given.getRawPath().isEmpty() ? given.resolve(WsHandshake.PATH) : given;
        WebSocketTransport t = new WebSocketTransport("ws " + new PortSpec.WebSocket(uri).shortName(), uri, timeout, notices, policy);
        try {
            WebSocket first = t.open();
            synchronized (t.link) {
                t.ws = first;
            }
            return t;
        } catch (ExecutionException e) {
            throw unreachable(uri, timeout, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(uri, timeout, new HttpTimeoutException("timed out"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.unreachable("interrupted while connecting to " + uri, "try again");
        }
    }

    /** One connection attempt; its receiver feeds the shared queue and reports its own end. */
    private WebSocket open() throws ExecutionException, TimeoutException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        return client.newWebSocketBuilder()
                .subprotocols(WsHandshake.SUBPROTOCOL)
                .connectTimeout(timeout)
                .buildAsync(uri, new Receiver())
                .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /** The largest frame JSON the board takes in one message: its receive buffer less the client frame header. */
    @Override public int maxFrameBytes() { return BOARD_RECEIVE_LIMIT - CLIENT_FRAME_HEADER; }

    /** Times the link dropped and was (or is being) reopened. */
    public int drops() {
        synchronized (link) {
            return drops;
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

    /** Collects one connection's fragments into messages and queues each as one stream line. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                byte[] line = FrameLines.asStreamLine(text.toString());
                text.setLength(0);
                try {
                    received.put(line, 0, line.length);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    socket.abort();
                }
            }
            socket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onBinary(WebSocket socket, java.nio.ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            return onText(socket, new String(b, StandardCharsets.UTF_8), last);
        }

        @Override public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            dropped(socket, "closed by the board" + (status == WebSocket.NORMAL_CLOSURE ? "" : " (" + status + ")"));
            return null;
        }

        @Override public void onError(WebSocket socket, Throwable error) { dropped(socket, String.valueOf(error.getMessage())); }
    }

    /** {@code socket} ended; if it is the current link (and nobody closed it here), reopen it in the background. */
    private void dropped(WebSocket socket, String why) {
        synchronized (link) {
            if (closed || ws != socket) return;
            ws = null;
            drops++;
            link.notifyAll();
        }
        socket.abort();
        Thread t = new Thread(() -> reopen(why), "ws-reopen " + name);
        t.setDaemon(true);
        t.start();
    }

    private void reopen(String why) {
        long start = System.nanoTime();
        Duration pause = policy.firstPause();
        Throwable last = null;
        int tried = 0;
        for (int attempt = 1; attempt <= policy.tries() && System.nanoTime() - start < policy.budget().toNanos(); attempt++) {
            tried = attempt;
            try {
                Thread.sleep(pause.toMillis());
                WebSocket fresh = open();
                synchronized (link) {
                    if (closed) {
                        fresh.abort();
                        return;
                    }
                    ws = fresh;
                    link.notifyAll();
                }
                notices.accept(name + ": the link dropped (" + why + "); reopened on try " + attempt + " of " + REOPEN_TRIES
                        + " after " + seconds(start) + " s");
                return;
            } catch (ExecutionException e) {
                last = e.getCause();
            } catch (TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = e;
                break;
            }
            pause = pause.multipliedBy(2).compareTo(policy.maxPause()) > 0 ? policy.maxPause() : pause.multipliedBy(2);
        }
        String line = name + ": the link dropped (" + why + ") and did not reopen in " + tried + (tried == 1 ? " try" : " tries") + " over " + seconds(start) + " s"
                + (last == null ? "" : " (" + (last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage()) + ")");
        synchronized (link) {
            if (closed) return;
            gaveUp = new IOException(line, last);
            link.notifyAll();
        }
        notices.accept(line);
        received.end();
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    @Override public String name() { return name; }

    @Override public Kind kind() { return Kind.WEBSOCKET; }

    /**
     * Sends each whole frame as one message, waiting while the link is being reopened. A frame over
     * {@link #maxFrameBytes()} is refused ({@link SeshException}, nothing sent). A send that fails
     * because the link just dropped is given up quietly: its reply is lost, which the RPC client
     * handles as a lost reply.
     */
    @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (String json : lines.feed(b, off, len)) {
            int size = json.getBytes(StandardCharsets.UTF_8).length;
            if (size > maxFrameBytes()) {
                throw SeshException.failed("a request of " + size + " bytes is over the " + maxFrameBytes() + " bytes a board takes in one WebSocket message",
                        "send less per call (fewer config keys, a shorter value)");
            }
            WebSocket current = awaitLink();
            try {
                // One send at a time: the JDK refuses a send while the previous one is pending.
                current.sendText(json, true).get();
            } catch (ExecutionException e) {
                dropped(current, "send failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while sending");
            }
        }
    }

    /** The open link, waiting while it is reopened; throws once reopening gave up or the transport was closed. */
    private WebSocket awaitLink() throws IOException {
        synchronized (link) {
            while (ws == null && gaveUp == null && !closed) {
                try {
                    link.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while the link was reopened");
                }
            }
            if (gaveUp != null) throw gaveUp;
            if (closed) throw new IOException(name + " is closed");
            return ws;
        }
    }

    @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
        int n = received.take(buf, off, len, timeoutMs);
        if (n < 0) {
            synchronized (link) {
                if (gaveUp != null) throw gaveUp;
            }
        }
        return n;
    }

    @Override public void close() {
        WebSocket current;
        synchronized (link) {
            closed = true;
            current = ws;
            ws = null;
            link.notifyAll();
        }
        try {
            // After the peer's close there is nobody to wait for; abort below ends it.
            if (current != null && !current.isOutputClosed() && !current.isInputClosed()) {
                current.sendClose(WebSocket.NORMAL_CLOSURE, "").get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // The peer is gone or slow; aborting below is all that is left to do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (current != null) current.abort();
            received.end();
        }
    }
}
