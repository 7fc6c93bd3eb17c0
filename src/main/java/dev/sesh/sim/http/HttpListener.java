package dev.sesh.sim.http;

import dev.sesh.SeshException;
import dev.sesh.rpc.frame.FrameJson;
import dev.sesh.sim.service.LogLevel;
import dev.sesh.sim.service.SimContext;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * One listening socket of the board's HTTP server, on a loopback port of this host, with a thread
 * per connection: plain HTTP, or TLS through {@link ChipTlsServer} when the board has a
 * certificate. Serves {@code GET /} (a small page: device id, uptime), {@code POST /rpc} (a whole
 * request frame in, the reply frame + CRLF out; mos-rpc.md 3), the REST style {@code /rpc/METHOD}
 * ({@link RestCall}) and the RPC WebSocket ({@code GET /rpc} with an upgrade, {@link WsRpcConnection}),
 * through the board's RPC core. As Mongoose 6.18 on the board: one request per connection, a
 * receive limit of {@link HttpExchange#RECV_LIMIT} bytes, 400 "Invalid request" for anything on
 * {@code /rpc} that is not a request frame.
 */
final class HttpListener implements Closeable {
    private static final String HTTP_C = "mgos_http_server.c";
    private static final byte[] INVALID = "Invalid request".getBytes(StandardCharsets.US_ASCII);
    private static final String[] CORS = {"Access-Control-Allow-Origin: *", "Access-Control-Allow-Headers: *"};
    /** A connection idle this long between requests is closed, as Mongoose's idle timeout does. */
    static final int IDLE_MS = 30_000;
    private static final long CLOSE_WAIT_MS = 1000;

    private final ServerSocket server;
    private final SimContext ctx;
    private final Optional<TlsSetup> tls;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    /** What a TLS connection needs: the chip key, the certificate (DER) and the ECDH slots. */
    record TlsSetup(ChipKey key, byte[] certDer, EcdhSlots slots) {}

    private HttpListener(ServerSocket server, SimContext ctx, Optional<TlsSetup> tls) {
        this.server = server;
        this.ctx = ctx;
        this.tls = tls;
        this.acceptor = new Thread(this::acceptLoop, "sim-http-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Binds 127.0.0.1:{@code hostPort} (0 = any free port) and starts accepting. */
    static HttpListener open(int hostPort, SimContext ctx, Optional<TlsSetup> tls) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        HttpListener l = new HttpListener(s, ctx, tls);
        l.acceptor.start();
        return l;
    }

    int port() { return server.getLocalPort(); }

    boolean secure() { return tls.isPresent(); }

    /** {@code https://127.0.0.1:PORT} or {@code http://...}. */
    String url() { return (secure() ? "https" : "http") + "://127.0.0.1:" + port(); }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            Thread t = new Thread(() -> serve(s), "sim-http-conn-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
        String pointer = String.format("0x3fff%04x", 0x1e00 + (connections.getAndIncrement() % 64) * 0x40);
        ctx.log(HTTP_C, 182, pointer + " HTTP connection from " + peer);
        ChipTlsCrypto crypto = null;
        try (s) {
            s.setSoTimeout(IDLE_MS);
            s.setTcpNoDelay(true); // TLS records go out in several small writes; Nagle would hold them for the peer's delayed ACK
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            if (tls.isPresent()) {
                TlsSetup t = tls.get();
                crypto = new ChipTlsCrypto(t.key(), t.slots());
                TlsServerProtocol p = new TlsServerProtocol(in, out);
                p.accept(new ChipTlsServer(crypto, t.key(), t.certDer()));
                in = p.getInputStream();
                out = p.getOutputStream();
            }
            if (exchange(s, in, out, peer)) lingerUntilClosed(s, in);
        } catch (SocketTimeoutException | SocketException e) {
            // idle, or the client went away: nothing to answer
        } catch (TlsFatalAlertReceived e) {
            // The client refused the handshake, most often because it does not trust the certificate.
            ctx.log(ChipKey.SSL_IF, 161, "TLS handshake with " + peer + " failed: the client sent "
                    + AlertDescription.getText(e.getAlertDescription()) + " (does it trust http.ssl_cert?)");
        } catch (IOException e) {
            // A failed handshake: the chip key and certificate lines were logged where it failed.
        } finally {
            if (crypto != null) crypto.releaseSlots();
            open.remove(s);
        }
    }

    /**
     * One request per connection (the board closes after every reply). A request over the receive
     * limit is run when it arrived whole, as the firmware was seen to do with 3073 bytes, but the
     * client gets a TCP reset instead of the reply. True when the request got no reply at all (the
     * connection then stays open).
     */
    private boolean exchange(Socket s, InputStream in, OutputStream out, String peer) throws IOException {
        Optional<HttpExchange> req;
        try {
            req = HttpExchange.read(in);
        } catch (HttpExchange.BadRequest e) {
            if (e.status == 413 || e.status == 431) {
                reset(s);
                return false;
            }
            HttpExchange.respond(out, e.status, "text/plain", INVALID);
            return false;
        }
        if (req.isEmpty()) return false;
        HttpExchange x = req.get();
        if (x.size() > HttpExchange.RECV_LIMIT) {
            if (!x.upgrade()) handle(x, s, in, OutputStream.nullOutputStream(), peer);
            reset(s);
            return false;
        }
        return handle(x, s, in, out, peer);
    }

    /** Closes with a TCP reset (SO_LINGER 0), as the firmware drops a request over its receive buffer. */
    private static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    private boolean handle(HttpExchange x, Socket s, InputStream in, OutputStream out, String peer) throws IOException {
        String path = x.path().contains("?") ? x.path().substring(0, x.path().indexOf('?')) : x.path();
        boolean rpc = path.equals("/rpc") || path.startsWith("/rpc/");
        if (rpc && x.method().equals("GET") && x.upgrade() && path.equals("/rpc")) {
            if (!ctx.config().bool("rpc.ws.enable", true)) {
                HttpExchange.respond(out, 503, "text/plain", "WS is disabled".getBytes(StandardCharsets.US_ASCII));
                return false;
            }
            WsRpcConnection.serve(x, s, in, out, ctx, peer);
        } else if (path.equals("/rpc")) {
            return frame(x, out, peer);
        } else if (path.startsWith("/rpc/") && (x.method().equals("POST") || x.method().equals("GET"))) {
            String query = x.path().contains("?") ? x.path().substring(x.path().indexOf('?') + 1) : "";
            String params = x.method().equals("POST") ? new String(x.body(), StandardCharsets.UTF_8) : RestCall.queryParams(query);
            String method = java.net.URLDecoder.decode(path.substring(5), StandardCharsets.UTF_8);
            RestCall.Answer a = RestCall.answer(ctx.rpcFrame(RestCall.frame(method, params), "HTTP", peer));
            HttpExchange.respond(out, a.status(), "application/json", a.body().getBytes(StandardCharsets.UTF_8), CORS);
        } else if (rpc) {
            HttpExchange.respond(out, 400, "text/plain", INVALID);
        } else if (path.equals("/") && (x.method().equals("GET") || x.method().equals("HEAD"))) {
            byte[] page = page();
            HttpExchange.respond(out, 200, "text/html", x.method().equals("HEAD") ? new byte[0] : page);
        } else {
            ctx.log(LogLevel.DEBUG, HTTP_C, 200, x.method() + " " + path + " not found");
            HttpExchange.respond(out, 404, "text/plain", "Not Found\n".getBytes(StandardCharsets.UTF_8));
        }
        return false;
    }

    /**
     * {@code /rpc} itself: only a POST of a whole request frame is valid (OPTIONS, GET, an empty
     * body or one that is not a JSON object get 400 "Invalid request"). A frame without an id runs
     * and gets no reply at all: the connection stays open until the client gives up.
     */
    private boolean frame(HttpExchange x, OutputStream out, String peer) throws IOException {
        String body = new String(x.body(), StandardCharsets.UTF_8);
        if (!x.method().equals("POST") || !jsonObject(body)) {
            HttpExchange.respond(out, 400, "text/plain", INVALID);
            return false;
        }
        Optional<String> reply = ctx.rpcFrame(body, "HTTP", peer);
        if (reply.isEmpty()) return true;
        HttpExchange.respond(out, 200, "application/json", (reply.get() + "\r\n").getBytes(StandardCharsets.UTF_8), CORS);
        return false;
    }

    private static boolean jsonObject(String text) {
        if (text.isBlank()) return false;
        try {
            return FrameJson.parse(text).isObject();
        } catch (SeshException e) {
            return false;
        }
    }

    /** After a request that got no reply, the board keeps the connection until the client closes it (or it idles out). */
    private static void lingerUntilClosed(Socket s, InputStream in) throws IOException {
        if (s.isClosed() || s.isOutputShutdown()) return;
        byte[] sink = new byte[512];
        while (!s.isClosed() && in.read(sink) >= 0) {
            // whatever else the client sends on this connection goes unanswered
        }
    }

    /** The small page: device id and uptime, read while holding the board. */
    private byte[] page() {
        String html = ctx.exclusive(() -> {
            String id = ctx.config().string("device.id", ctx.identity().defaultDeviceId());
            return "<!DOCTYPE html>\n<html><head><title>" + id + "</title></head><body>\n<h1>" + id + "</h1>\n<p>"
                    + ctx.identity().app() + " " + ctx.identity().fwVersion() + ", up " + ctx.uptimeMillis() / 1000 + " s</p>\n</body></html>\n";
        });
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops accepting and drops every open connection (a reboot does the same to a real server). */
    @Override public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        // The listening socket is released only once the acceptor has left accept(); until then the next
        // boot could not bind the same port, and the board's port would move (issue 25).
        if (Thread.currentThread() != acceptor) {
            try {
                acceptor.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the connection is going away either way
            }
        }
    }
}
