package dev.sesh.rpc.transport;

import dev.sesh.SeshException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * {@code http://host[:port]/rpc} and {@code https://...}: Mongoose OS RPC over HTTP, full frame
 * (mos-rpc.md 3). Each frame written here is one {@code POST} whose body is the frame's JSON
 * (delimiters, Q3 and CRC removed, see {@link FrameLines}); the reply body (a whole reply frame,
 * then CRLF) reads back as {@code \n{json}\n} for the stream framer. A request without an id gets
 * an empty body, which reads as nothing. There is no XON/XOFF, no handshake and no device log.
 * With {@code https}, the board's certificate must verify against the JDK's trust store or the
 * certificates in the {@code --ca} file, and name the host (a SAN for 127.0.0.1, for example).
 *
 * <p>The board's HTTP server reads a request (head and body) into a buffer of
 * {@link #BOARD_RECEIVE_LIMIT} bytes and answers a longer one with a TCP reset, sometimes after
 * running it. So the head this client sends is counted ({@link #headBytes}) and a frame over
 * {@link #maxFrameBytes()} is refused before it is sent; and a POST that fails (a reset, a refused
 * connection while the board reboots) is not the end of the link: its reply is lost, which the RPC
 * client handles as a lost reply (resend an idempotent call, read back a change).
 */
public final class HttpTransport implements Transport {
    private static final int QUEUE_BYTES = 1 << 20;
    /** The firmware's receive buffer for one HTTP request, head plus body (Mongoose 6.18, MG_MAX_HTTP_REQUEST_SIZE). */
    public static final int BOARD_RECEIVE_LIMIT = 3072;
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());

    private final String name;
    private final URI uri;
    private final HttpClient client;
    private final Duration timeout;
    private final ByteQueue received = new ByteQueue(QUEUE_BYTES);
    private final FrameLines lines = new FrameLines();
    private volatile IOException failed;

    private HttpTransport(String name, URI uri, HttpClient client, Duration timeout) {
        this.name = name;
        this.uri = uri;
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Connects and probes the URL with {@code OPTIONS} (whatever the board answers: the firmware says
     * 400 "Invalid request", older notes said 200), so a
     * wrong port or an untrusted certificate shows now, as {@link SeshException#unreachable} (exit 4)
     * with a hint. A URL without a path means {@code /rpc}. {@code ca}: PEM certificates to trust.
     */
    public static HttpTransport connect(URI given, Duration timeout, Optional<Path> ca) {
        URI uri = given.getRawPath() == null || given.getRawPath().isEmpty() ? given.resolve("/rpc") : given;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (ca.isPresent()) {
            if (!uri.getScheme().equals("https")) throw SeshException.badArg("--ca applies to https:// ports only", "use https://HOST:PORT/rpc, or drop --ca");
            b.sslContext(trusting(ca.get()));
        }
        HttpTransport t = new HttpTransport(uri.getScheme() + " " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""), uri, b.build(), timeout);
        try {
            t.client.send(HttpRequest.newBuilder(uri).timeout(timeout).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw unreachable(uri, timeout, e, ca);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.unreachable("interrupted while connecting to " + uri, "try again");
        }
        return t;
    }

    /** An SSL context trusting exactly the certificates in {@code pem} (the {@code --ca} option). */
    static SSLContext trusting(Path pem) { return trusting(pem, "--ca ", "--ca ecc.crt.pem"); }

    /**
     * An SSL context trusting exactly the certificates in {@code pem}; errors name the file as
     * {@code label + pem} and suggest {@code example}.
     */
    public static SSLContext trusting(Path pem, String label, String example) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw SeshException.badArg(label + pem + " holds no certificate", "give the board's certificate, e.g. " + example);
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) ks.setCertificateEntry("ca" + i++, c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (java.nio.file.NoSuchFileException e) {
            throw SeshException.badArg("no such file: " + label + pem, "give the board's certificate, e.g. " + example);
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + label + pem + ": " + e.getMessage(), "give a PEM certificate file, e.g. " + example);
        } catch (GeneralSecurityException e) {
            throw SeshException.badArg(label + pem + " is not a PEM certificate: " + e.getMessage(), "give the board's certificate, e.g. " + example);
        }
    }

    private static SeshException unreachable(URI uri, Duration timeout, IOException e, Optional<Path> ca) {
        if (e instanceof SSLHandshakeException || e.getCause() instanceof SSLHandshakeException) {
            String why = String.valueOf(e.getMessage());
            String hint = ca.isEmpty()
                    ? "trust the board's certificate with --ca FILE (e.g. --ca ecc.crt.pem)"
                    : why.contains("subject alternative") || why.contains("No name matching")
                            ? "the certificate does not name " + uri.getHost() + "; make one with a SAN for it (x509 selfsign --san IP:" + uri.getHost() + ")"
                            : "check that --ca holds the certificate the board serves (http.ssl_cert)";
            return SeshException.unreachable("TLS handshake with " + uri + " failed: " + why, hint);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return SeshException.unreachable("no answer from " + uri + " within " + timeout.toMillis() / 1000.0 + " s",
                    "check the host, the port and any firewall between");
        }
        if (e instanceof ConnectException) {
            return SeshException.unreachable("nothing accepts connections at " + uri,
                    "check the board's address and http.listen_addr; a simulated board logs its port as 'HTTP [443] is ... on this host'");
        }
        return SeshException.unreachable("cannot reach " + uri + ": " + e, "check the URL; https needs the board's certificate (--ca)");
    }

    @Override public String name() { return name; }

    @Override public Kind kind() { return Kind.HTTP; }

    /** The bytes of the request head this client sends to its board with a body of {@code bodyBytes}. */
    public int headBytes(int bodyBytes) { return headBytes(uri, bodyBytes); }

    /**
     * The bytes of the request head the JDK client sends to {@code uri} with a body of
     * {@code bodyBytes}: request line, {@code Content-Length}, {@code Host}, {@code User-Agent},
     * {@code Content-Type}, blank line. A longer host name leaves less room for the frame.
     */
    public static int headBytes(URI uri, int bodyBytes) {
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        int port = uri.getPort();
        String host = uri.getHost() + (port > 0 && port != (uri.getScheme().equals("https") ? 443 : 80) ? ":" + port : "");
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Content-Length: " + bodyBytes + "\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: Java-http-client/" + System.getProperty("java.version") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1).length;
    }

    /** The largest frame JSON whose POST, head included, fits the board's receive buffer. */
    @Override public int maxFrameBytes() { return maxFrameBytes(uri); }

    /** As {@link #maxFrameBytes()} for a board at {@code uri}. */
    public static int maxFrameBytes(URI uri) {
        int body = BOARD_RECEIVE_LIMIT - headBytes(uri, 0);
        while (body > 0 && headBytes(uri, body) + body > BOARD_RECEIVE_LIMIT) body--;
        return Math.max(0, body);
    }

    /**
     * Each whole frame in {@code b} goes out as one POST; replies arrive in any order, matched by id
     * upstream. A frame over {@link #maxFrameBytes()} is refused ({@link SeshException}, nothing sent).
     */
    @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (failed != null) throw failed;
        for (String json : lines.feed(b, off, len)) {
            int size = json.getBytes(StandardCharsets.UTF_8).length;
            if (size > maxFrameBytes()) {
                throw SeshException.failed("a request of " + size + " bytes is over the " + maxFrameBytes() + " bytes a board takes in one HTTP request to "
                        + uri.getHost() + " (" + BOARD_RECEIVE_LIMIT + " with the headers)", "send less per call (fewer config keys, a shorter value)");
            }
            // The RPC client's per-call timeout decides when to give up; this only ends a request nobody waits for.
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout.plusSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            client.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((r, err) -> {
                if (err != null) {
                    // A reset (the board dropped the request, maybe after running it) or a refused connection
                    // (it is rebooting): the reply is lost, and the RPC client's timeout takes it from there.
                    LOG.log(System.Logger.Level.DEBUG, () -> name + ": POST lost: " + err);
                } else if (r.statusCode() != 200) {
                    fail(new IOException(name + ": the board answered HTTP " + r.statusCode() + " to POST " + uri.getPath()));
                } else if (!r.body().isBlank()) {
                    byte[] line = FrameLines.asStreamLine(r.body());
                    try {
                        received.put(line, 0, line.length);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }
    }

    private void fail(IOException e) {
        if (failed == null) failed = e;
        received.end();
    }

    @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
        int n = received.take(buf, off, len, timeoutMs);
        if (n < 0 && failed != null) throw failed;
        return n;
    }

    @Override public void close() { received.end(); }
}
