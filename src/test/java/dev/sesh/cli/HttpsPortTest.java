package dev.sesh.cli;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.HttpsBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sesh --port https://HOST:PORT/rpc --ca FILE}: RPC over HTTPS to the simulated board whose TLS key is in its chip. */
class HttpsPortTest {
    @TempDir static Path dir;
    static HttpsBoard board;
    static Path ca;

    @BeforeAll static void provision() throws Exception {
        board = new HttpsBoard(new VirtualClock()).provision();
        ca = dir.resolve("ecc.crt.pem");
        Files.writeString(ca, board.certPem);
    }

    @AfterAll static void powerOff() { board.close(); }

    static SeshRuns.Run run(String... args) { return SeshRuns.run(dir.resolve("home"), args); }

    @Test void infoOverHttpsWithTheBoardsCertificate() {
        SeshRuns.Run r = run("--port", board.url() + "/rpc", "--ca", ca.toString(), "-c", "info --json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"fw_version\""), r.out());
        assertTrue(board.log().contains("Sys.GetInfo via HTTP 127.0.0.1:"), board.log());
    }

    @Test void callOverHttpsReachesTheChip() {
        SeshRuns.Run r = run("--port", board.url() + "/rpc", "--ca", ca.toString(), "-c", "call ATCA.GetPubKey {\"slot\":0}");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pubkey"), r.out());
    }

    @Test void withoutCaTheHandshakeFailsAsUnreachableWithAHint() {
        SeshRuns.Run r = run("--port", board.url() + "/rpc", "-c", "info");
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("TLS handshake with https://127.0.0.1:"), r.err());
        assertTrue(r.err().contains("--ca"), r.err());
    }

    @Test void caOnAPlainHttpPortIsAUsageError() {
        SeshRuns.Run r = run("--port", "http://127.0.0.1:1/rpc", "--ca", ca.toString(), "-c", "info");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--ca applies to https:// ports only"), r.err());
    }
}
