package dev.sesh.shell.command.fs;

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
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fs put and get draw a progress bar on a terminal's status line and nothing without one. */
class FsProgressTest {
    @TempDir Path dir;
    private final StringWriter err = new StringWriter();

    private Session session(Consumer<String> statusLine) {
        VirtualClock clock = new VirtualClock();
        SimBoard sim = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair pair = InProcessTransport.pair();
        sim.attach(pair.device());
        ChangeGate approve = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) { return action.get(); }
        };
        Board board = new Board(new RpcClient(pair.host(), RpcOptions.defaults().withClock(clock)), "sim:", "sim", approve, clock);
        BoardConnector none = new BoardConnector() {
            @Override public Board open(String port) { throw new UnsupportedOperationException(port); }
            @Override public List<SerialPortEntry> ports() { return List.of(); }
        };
        Session s = Session.builder(none, new PrintWriter(new StringWriter()), new PrintWriter(err, true), new ErrorReporter(false))
                .binaryOut(new ByteArrayOutputStream()).statusLine(statusLine).build();
        s.adopt(board);
        return s;
    }

    @Test
    void terminalShowsABarWithRateThatEndsCleared() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Path f = dir.resolve("p.bin");
        Files.write(f, new byte[20_000]);
        try (Session s = session(lines::add)) {
            assertEquals(0, new SeshSystemRegistry(s).execute("fs put " + f));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("p.bin  19.5 KB  [" + "#".repeat(30) + "] 100%")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("KB/s")), lines.toString());
            assertEquals("", lines.get(lines.size() - 1), "the bar is cleared at the end");
            lines.clear();
            assertEquals(0, new SeshSystemRegistry(s).execute("fs get p.bin " + dir.resolve("back.bin")));
            assertTrue(lines.stream().anyMatch(l -> l.contains("100%")), lines.toString());
        }
        assertTrue(err.toString().contains("p.bin  19.5 KB  put in"), err.toString());
    }

    @Test
    void withoutTerminalNothingIsDrawnButTheSummaryIsPrinted() throws Exception {
        Path f = dir.resolve("q.bin");
        Files.write(f, new byte[5000]);
        try (Session s = session(null)) {
            assertEquals(0, new SeshSystemRegistry(s).execute("fs put " + f));
        }
        assertTrue(err.toString().contains("q.bin  4.9 KB  put in"), err.toString());
        assertTrue(!err.toString().contains("["), err.toString());
    }
}
