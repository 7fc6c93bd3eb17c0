package dev.sesh.sim.http;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.HttpsBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** curl and openssl verify the simulated board's HTTPS against its certificate (both are installed by .ci/run). */
class ExternalClientsTest {
    @TempDir static Path dir;
    static HttpsBoard b;
    static Path cert;

    @BeforeAll static void provision() throws Exception {
        b = new HttpsBoard(new VirtualClock()).provision();
        cert = dir.resolve("ecc.crt.pem");
        Files.writeString(cert, b.certPem);
    }

    @AfterAll static void powerOff() { b.close(); }

    record Result(int code, String out) {}

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running: " + cmd);
        return new Result(p.exitValue(), out);
    }

    @Test void curlWithTheCertificateGetsThePage() throws Exception {
        dev.sesh.testing.Tools.need("curl");
        Result r = exec(List.of("curl", "-sS", "--cacert", cert.toString(), b.url() + "/"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("<h1>esp8266_"), r.out());
    }

    @Test void curlPostsAnRpcFrame() throws Exception {
        dev.sesh.testing.Tools.need("curl");
        Result r = exec(List.of("curl", "-sS", "--cacert", cert.toString(), "-d", "{\"id\":5,\"method\":\"RPC.Ping\"}", b.url() + "/rpc"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().startsWith("{\"id\":5,") && r.out().contains("\"channel_info\": \"127.0.0.1:"), r.out());
    }

    @Test void aClientThatDoesNotTrustTheCertificateIsLogged() throws Exception {
        dev.sesh.testing.Tools.need("curl");
        Result r = exec(List.of("curl", "-sS", b.url() + "/"));
        assertTrue(r.code() != 0, r.out());
        // curl exits as soon as it rejects the certificate; the board logs the failed handshake just after.
        for (int i = 0; i < 100 && !b.log().contains("failed: the client sent "); i++) Thread.sleep(50);
        assertTrue(b.log().contains("failed: the client sent "), b.log());
    }

    @Test void opensslVerifiesTheChain() throws Exception {
        dev.sesh.testing.Tools.need("openssl");
        String hostPort = b.url().substring("https://".length());
        Result r = exec(List.of("openssl", "s_client", "-connect", hostPort, "-CAfile", cert.toString(), "-verify_return_error", "-brief"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("ECDHE-ECDSA-AES128-GCM-SHA256"), r.out());
        assertTrue(b.log().contains("ATCA:0 ECDSA sign ok"), b.log());
    }
}
