package dev.sesh.shell.command;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.shell.ErrorReporter;
import dev.sesh.shell.SeshSystemRegistry;
import dev.sesh.shell.Session;
import dev.sesh.testing.ScriptedBoard;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code log --follow} as a one-shot: it opens the run's board, prints each line as it arrives, and ends when the link closes. */
class LogFollowTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void oneShotFollowPrintsEachLineAsItArrivesAndEndsWhenTheLinkCloses() throws Exception {
        VirtualClock clock = new VirtualClock();
        InProcessTransport.Pair pair = InProcessTransport.pair();
        ChangeGate approve = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        ScriptedBoard peer = new ScriptedBoard(pair.device(), clock);
        Board board = new Board(new RpcClient(pair.host(), RpcOptions.defaults().withClock(clock)), "tcp://127.0.0.1:7777", "7777", approve, clock);
        try (Session session = Session.builder(new BoardConnector() {
            @Override public Board open(String port) { throw new AssertionError("the run's board is opened on demand"); }
            @Override public List<SerialPortEntry> ports() { return List.of(); }
        }, new PrintWriter(out, true), new PrintWriter(err, true), new ErrorReporter(false))
                .openOnDemand(() -> board).build()) {       // as Main does for a one-shot run
            SeshSystemRegistry registry = new SeshSystemRegistry(session);
            CompletableFuture<Integer> follow = CompletableFuture.supplyAsync(() -> registry.execute("log --follow"));
            waitFor(() -> session.currentBoard().isPresent(), "the follow to open the board");
            Thread.sleep(100);                              // the follower is registered right after the recent lines
            peer.send("mgos_http_server.c:180 0x3ffef0a4 HTTP connection from 127.0.0.1:50212\n");
            waitFor(() -> out.toString().contains("HTTP connection from"), "the first line before the link closes");
            peer.send("mg_ssl_if_mbedtls.c:30 0x3ffef0a4 ciphersuite: TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256\n");
            waitFor(() -> out.toString().contains("ciphersuite"), "the second line");
            peer.close();
            assertEquals(0, follow.get(5, TimeUnit.SECONDS), err.toString());
            assertTrue(err.toString().contains("log: the link to tcp://127.0.0.1:7777 closed"), err.toString());
        }
    }

    private static void waitFor(BooleanSupplier done, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !done.getAsBoolean(); i++) Thread.sleep(50);
        assertTrue(done.getAsBoolean(), "waited 5 s for " + what);
    }
}
