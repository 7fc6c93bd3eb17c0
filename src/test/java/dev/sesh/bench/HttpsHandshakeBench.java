package dev.sesh.bench;

import dev.sesh.bytes.Clock;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.HttpsBoard;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;

/**
 * TLS handshakes against the simulated board whose key is in the chip (issue 9): the chip's share
 * (I2C wire time + execution times of GenKey, Random, Nonce, Sign, ECDH, read off a virtual clock),
 * and the wall time of a full handshake with the chip on the real clock and on a virtual one (the
 * difference is what the chip adds). Prints markdown table rows for scripts/bench.
 */
public final class HttpsHandshakeBench {
    private static final int WARMUP = 5;
    private static final int RUNS = 21;

    public static void main(String[] args) throws Exception {
        VirtualClock vc = new VirtualClock();
        double[] virtualWall;
        double chipMs;
        try (HttpsBoard b = new HttpsBoard(vc).provision()) {
            for (int i = 0; i < WARMUP; i++) handshake(b);
            long before = vc.nanos();
            virtualWall = new double[RUNS];
            for (int i = 0; i < RUNS; i++) virtualWall[i] = handshake(b);
            chipMs = (vc.nanos() - before) / 1e6 / RUNS;
        }
        double[] realWall;
        try (HttpsBoard b = new HttpsBoard(Clock.system()).provision()) {
            for (int i = 0; i < WARMUP; i++) handshake(b);
            realWall = new double[RUNS];
            for (int i = 0; i < RUNS; i++) realWall[i] = handshake(b);
        }
        double real = median(realWall), virt = median(virtualWall);
        System.out.printf("| chip time per TLS 1.2 handshake (virtual clock: I2C + max execution times; GenKey, Random, Nonce, Sign, ECDH) | %.1f ms | - |%n", chipMs);
        System.out.printf("| full handshake, chip on the real clock, median of %d | %.1f ms | - |%n", RUNS, real);
        System.out.printf("| full handshake, chip on a virtual clock (host work only), median of %d | %.1f ms | - |%n", RUNS, virt);
        System.out.printf("| what the chip adds (difference of the two medians) | %.1f ms | - |%n", real - virt);
    }

    /** One fresh connection's full handshake, wall milliseconds. */
    private static double handshake(HttpsBoard b) throws Exception {
        URI u = URI.create(b.url());
        SSLContext ssl = trusting(b.certPem);
        long t0 = System.nanoTime();
        try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket(u.getHost(), u.getPort())) {
            s.setTcpNoDelay(true);
            s.startHandshake();
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static SSLContext trusting(String pem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("device", CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl; // a new context per handshake: no session to resume
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
