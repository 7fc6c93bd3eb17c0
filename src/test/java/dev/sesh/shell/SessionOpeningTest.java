package dev.sesh.shell;

import dev.sesh.SeshException;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.testing.SimI2cBoard;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's board while it is being opened (issue 21: the prompt comes first): the prompt says
 * "connecting", every command that needs the board waits for the one opening, the board is adopted
 * once, a failed opening is told once, and the session's lock is not held while the board opens.
 */
class SessionOpeningTest {
    private final StringWriter out = new StringWriter();
    private final BoardConnector none = new BoardConnector() {
        @Override public Board open(String port) { throw new IllegalStateException("not in this test"); }
        @Override public List<SerialPortEntry> ports() { return List.of(); }
    };

    private Session session() {
        PrintWriter w = new PrintWriter(out, true);
        return Session.builder(none, w, w, new ErrorReporter(false)).build();
    }

    @Test
    void commandsWaitingForTheOpeningBoardAllGetItAndItIsAdoptedOnce() throws Exception {
        SimI2cBoard sim = new SimI2cBoard();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger opens = new AtomicInteger();
        FutureTask<Board> opening = new FutureTask<>(() -> {
            opens.incrementAndGet();
            release.await();
            return sim.board;
        });
        Session session = session();
        session.opening("sim:", () -> {
            opening.run();
            try {
                return opening.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("sesh [connecting sim:]> ", new StatusPrompt(false).render(session));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Board>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) waiting.add(pool.submit(session::board));
        Thread.sleep(50);
        // The session is not locked while the board opens: the prompt can still be drawn.
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> session.currentBoard()).isEmpty());
        assertEquals("sesh [connecting sim:]> ", assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new StatusPrompt(false).render(session)));
        release.countDown();
        for (Future<Board> f : waiting) assertSame(sim.board, f.get(10, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(1, opens.get());
        assertSame(sim.board, session.currentBoard().orElseThrow());
        assertTrue(session.opening().isEmpty());
        assertTrue(new StatusPrompt(false).render(session).startsWith("sesh [sim"), new StatusPrompt(false).render(session));
    }

    @Test
    void aConnectOrDisconnectTypedWhileTheBoardOpensWinsOverTheOpening() {
        SimI2cBoard opening = new SimI2cBoard();
        SimI2cBoard chosen = new SimI2cBoard();
        PrintWriter w = new PrintWriter(out, true);
        Session session = Session.builder(new BoardConnector() {
            @Override public Board open(String port) { return chosen.board; }
            @Override public List<SerialPortEntry> ports() { return List.of(); }
        }, w, w, new ErrorReporter(false)).build();
        session.opening("sim:", () -> opening.board);
        session.connect("tcp://127.0.0.1:7777");
        assertSame(chosen.board, session.board(), "the board the user connected to, not the one being opened");
        assertTrue(session.opening().isEmpty());

        Session other = session();
        other.opening("sim:", () -> opening.board);
        other.disconnect();
        assertEquals("not connected to a board", assertThrows(SeshException.class, other::board).getMessage(),
                "after disconnect nothing reconnects by itself");
        assertEquals("sesh [not connected]> ", new StatusPrompt(false).render(other));
    }

    @Test
    void aFailedOpeningIsToldToTheFirstCommandThenTheSessionIsNotConnected() {
        Session session = session();
        session.opening("/dev/ttyUSB9", () -> {
            throw SeshException.failed("cannot open /dev/ttyUSB9: no such port", "check the cable");
        });
        SeshException first = assertThrows(SeshException.class, session::board);
        assertTrue(first.getMessage().contains("ttyUSB9"), first.getMessage());
        assertEquals("sesh [not connected]> ", new StatusPrompt(false).render(session));
        SeshException then = assertThrows(SeshException.class, session::board);
        assertEquals("not connected to a board", then.getMessage());
    }
}
