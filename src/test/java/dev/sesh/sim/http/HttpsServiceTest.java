package dev.sesh.sim.http;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.sim.SimOptions;
import dev.sesh.testing.HttpsBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated board's HTTPS server with the TLS key in the chip (issue 9; reference/atecc.md 10 steps 9-10). */
class HttpsServiceTest {
    private final VirtualClock clock = new VirtualClock();
    private HttpsBoard b;

    @AfterEach void powerOff() {
        if (b != null) b.close();
    }

    @Test void bootLogsTheFirmwaresLineAndTheHostMapping() throws Exception {
        b = new HttpsBoard(clock).provision();
        String log = b.log();
        assertTrue(log.contains("HTTP server started on [443] (SSL)\n"), log);
        assertTrue(b.url().startsWith("https://127.0.0.1:"), b.url());
    }

    @Test void peerKeyIsTheChipsSlotZeroKey() throws Exception {
        b = new HttpsBoard(clock).provision();
        HttpsURLConnection c = open(b.url() + "/", b.certPem);
        assertEquals(200, c.getResponseCode());
        Certificate[] peer = c.getServerCertificates();
        assertEquals(b.publicKey(0), xy((ECPublicKey) peer[0].getPublicKey()));
        c.disconnect();
    }

    @Test void handshakeSignsAndAgreesInTheChip() throws Exception {
        b = new HttpsBoard(clock).provision();
        String before = b.log();
        HttpsURLConnection c = open(b.url() + "/", b.certPem);
        String page = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<h1>esp8266_"), page);
        assertTrue(page.contains(", up "), page);
        String log = b.log().substring(before.length());
        int pub = log.indexOf("\nATCA:2 ECDH get pubkey ok\n");
        int sign = log.indexOf("\nATCA:0 ECDSA sign ok\n");
        int ecdh = log.indexOf("\nATCA:2 ECDH ok\n");
        assertTrue(pub >= 0 && sign > pub && ecdh > sign, log);
        assertEquals(1, count(log, "ATCA:0 ECDSA sign ok"), log);
        c.disconnect();
    }

    @Test void postRpcAnswersWithTheReplyFrame() throws Exception {
        b = new HttpsBoard(clock).provision();
        HttpsURLConnection c = open(b.url() + "/rpc", b.certPem);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        try (OutputStream o = c.getOutputStream()) {
            o.write("{\"id\":77,\"method\":\"Sys.GetInfo\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(200, c.getResponseCode());
        assertEquals("application/json", c.getContentType());
        assertEquals("*", c.getHeaderField("Access-Control-Allow-Origin"));
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("{\"id\":77,\"src\":\"esp8266_") && body.endsWith("}\r\n"), body);
        assertTrue(body.contains("\"fw_version\": \"1.0\""), body);
        assertTrue(b.log().contains("Sys.GetInfo via HTTP 127.0.0.1:"), b.log());
    }

    @Test void certificateOfAnotherKeyFailsTheHandshakeAndTheLogSaysWhy() throws Exception {
        b = new HttpsBoard(clock).provision();
        String other = HttpsBoard.selfSigned(HttpsBoard.keyPair(), "CN=other");
        b.put("other.crt.pem", other);
        b.serve("other.crt.pem");
        HttpsURLConnection c = open(b.url() + "/", other);
        assertThrows(SSLHandshakeException.class, c::getResponseCode);
        assertTrue(b.log().contains("TLS handshake failed: the public key in other.crt.pem is not the key in ATCA:0"), b.log());
    }

    @Test void httpsPortOptionFixesTheHostPort() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SimOptions o = SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:?https_port=" + port, 0));
        assertEquals(port, o.httpsPort());
        b = new HttpsBoard(clock, o).provision();
        assertEquals("https://127.0.0.1:" + port, b.url());
    }

    @Test void httpsPortOutsideTheTcpRangeIsABadArgument() {
        SeshException e = assertThrows(SeshException.class, () -> SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:?https_port=70000", 0)));
        assertEquals(2, e.exitCode());
    }

    @Test void missingCertificateFileIsLoggedAtBoot() throws Exception {
        b = new HttpsBoard(clock).provision();
        b.serve("nope.pem");
        String log = b.log();
        assertTrue(log.contains("http.ssl_cert: no file nope.pem on the board"), log);
        assertTrue(log.contains("Error binding to [:443]"), log);
    }

    private static HttpsURLConnection open(String url, String caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("device", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection();
        c.setSSLSocketFactory(ssl.getSocketFactory());
        c.setConnectTimeout(5000);
        c.setReadTimeout(20000);
        return c;
    }

    static Bytes xy(ECPublicKey k) {
        byte[] out = new byte[64];
        put(k.getW().getAffineX().toByteArray(), out, 0);
        put(k.getW().getAffineY().toByteArray(), out, 32);
        return Bytes.of(out);
    }

    private static void put(byte[] v, byte[] out, int at) {
        int n = Math.min(32, v.length);
        System.arraycopy(v, v.length - n, out, at + 32 - n, n);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
