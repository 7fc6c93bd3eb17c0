package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.rpc.transport.HttpTransport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client for a board's HTTPS server that trusts exactly the certificates in one PEM file (the
 * board's self-signed certificate): {@code board.https('ecc.crt.pem').get('/')}. The host name is
 * checked against the certificate's names, as a browser or curl would.
 */
public final class BoardHttps {
    /** One answer: the URL fetched, the HTTP status and the body as text. */
    public record Page(String url, int status, String body) {
        @Override public String toString() { return "GET " + url + " -> " + status + "\n" + body; }
    }

    private final String base;
    private final HttpClient client;

    BoardHttps(String base, Path certFile) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder().sslContext(HttpTransport.trusting(certFile, "", "ecc.crt.pem")).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The base URL, e.g. {@code https://127.0.0.1:40123}. */
    public String url() { return base; }

    /** GET {@code path} ("/" for the home page). */
    public Page get(String path) {
        String url = base + (path.startsWith("/") ? path : "/" + path);
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(url, r.statusCode(), r.body());
        } catch (IOException e) {
            throw SeshException.failed("GET " + url + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "check that the board serves HTTPS there (its log says \"HTTP server started on [443] (SSL)\") and that the certificate names " + URI.create(url).getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("GET " + url + " interrupted", "");
        }
    }

    @Override public String toString() { return "https client for " + base; }
}
