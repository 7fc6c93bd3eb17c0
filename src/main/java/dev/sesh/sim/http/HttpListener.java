package dev.sesh.sim.http;

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
 * request frame in, the reply frame + CRLF out; mos-rpc.md 3) and the REST style {@code /rpc/METHOD}
 * ({@link RestCall}), through the board's RPC core.
 */
final class HttpListener implements Closeable {
    private static final String HTTP_C = "mgos_http_server.c";
    /** A connection idle this long between requests is closed, as Mongoose's idle timeout does. */
    static final int IDLE_MS = 30_000;

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
            exchanges(in, out, peer);
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

    private void exchanges(InputStream in, OutputStream out, String peer) throws IOException {
        while (true) {
            Optional<HttpExchange> req;
            try {
                req = HttpExchange.read(in);
            } catch (HttpExchange.BadRequest e) {
                HttpExchange.respond(out, e.status, "text/plain", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            if (req.isEmpty()) return;
            HttpExchange x = req.get();
            handle(x, out, peer);
            if (!x.keepAlive()) return;
        }
    }

    private void handle(HttpExchange x, OutputStream out, String peer) throws IOException {
        boolean keep = x.keepAlive();
        String path = x.path().contains("?") ? x.path().substring(0, x.path().indexOf('?')) : x.path();
        if (x.method().equals("OPTIONS")) {
            HttpExchange.respond(out, 200, "", new byte[0], keep, "Access-Control-Allow-Origin: *");
        } else if (path.equals("/rpc") && x.method().equals("POST")) {
            Optional<String> reply = ctx.rpcFrame(new String(x.body(), StandardCharsets.UTF_8), "HTTP", peer);
            byte[] body = reply.map(r -> (r + "\r\n").getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
            HttpExchange.respond(out, 200, "application/json", body, keep, "Access-Control-Allow-Origin: *");
        } else if (path.startsWith("/rpc/") && (x.method().equals("POST") || x.method().equals("GET"))) {
            String query = x.path().contains("?") ? x.path().substring(x.path().indexOf('?') + 1) : "";
            String params = x.method().equals("POST") ? new String(x.body(), StandardCharsets.UTF_8) : RestCall.queryParams(query);
            String method = java.net.URLDecoder.decode(path.substring(5), StandardCharsets.UTF_8);
            RestCall.Answer a = RestCall.answer(ctx.rpcFrame(RestCall.frame(method, params), "HTTP", peer));
            HttpExchange.respond(out, a.status(), "application/json", a.body().getBytes(StandardCharsets.UTF_8), keep,
                    "Access-Control-Allow-Origin: *");
        } else if (path.equals("/") && (x.method().equals("GET") || x.method().equals("HEAD"))) {
            byte[] page = page();
            HttpExchange.respond(out, 200, "text/html", x.method().equals("HEAD") ? new byte[0] : page, keep);
        } else {
            ctx.log(LogLevel.DEBUG, HTTP_C, 200, x.method() + " " + path + " not found");
            HttpExchange.respond(out, 404, "text/plain", "Not Found\n".getBytes(StandardCharsets.UTF_8), keep);
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
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the connection is going away either way
            }
        }
    }
}
