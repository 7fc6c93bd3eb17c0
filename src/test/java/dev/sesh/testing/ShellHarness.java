package dev.sesh.testing;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.plan.ChangeGate;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.shell.ErrorReporter;
import dev.sesh.shell.SeshSystemRegistry;
import dev.sesh.shell.Session;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The console's command layer as a user types into it, wired to a simulated board: a
 * {@link Session} over {@link SimI2cBoard} (virtual clock, a recording plan gate) and the
 * {@link SeshSystemRegistry} that parses and runs each line, with stdout and stderr captured
 * (CRs dropped). What the command tests used to build each for themselves; one per test, closed
 * after it.
 */
public final class ShellHarness implements AutoCloseable {
    /** The simulated board, or null for a harness {@link #over} a board built elsewhere. */
    public final SimI2cBoard sim;
    public final Board board;
    public final Session session;
    public final SeshSystemRegistry registry;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A fresh simulated board (ATECC508A, I2C enabled). */
    public ShellHarness() { this(new SimI2cBoard()); }

    /** The console over {@code sim}, already connected to it. */
    public ShellHarness(SimI2cBoard sim) {
        this(sim, sim.board, new BoardConnector() {
            @Override public Board open(String port) { return sim.board; }
            @Override public List<SerialPortEntry> ports() { return List.of(); }
        }, UnaryOperator.identity());
    }

    private ShellHarness(SimI2cBoard sim, Board board, BoardConnector connector, UnaryOperator<Session.Builder> more) {
        this.sim = sim;
        this.board = board;
        session = more.apply(Session.builder(connector, new PrintWriter(out, true), new PrintWriter(err, true), new ErrorReporter(false))
                .binaryOut(new ByteArrayOutputStream())).build();
        session.adopt(board);
        registry = new SeshSystemRegistry(session);
    }

    /** The console over {@code board}; {@code connect} is refused (the test has the one board). */
    public static ShellHarness over(Board board) { return over(board, UnaryOperator.identity()); }

    /** As {@link #over(Board)}, the session built with what {@code more} adds (a status line, a terminal...). */
    public static ShellHarness over(Board board, UnaryOperator<Session.Builder> more) {
        return new ShellHarness(null, board, new BoardConnector() {
            @Override public Board open(String port) { throw new IllegalStateException("not in this test"); }
            @Override public List<SerialPortEntry> ports() { return List.of(); }
        }, more);
    }

    /** The whole simulated firmware ({@code sim:}, defaults) over an in-process link on {@code clock}, its changes asking {@code gate}. */
    public static Board simulatedBoard(ChangeGate gate, VirtualClock clock) {
        SimBoard sim = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        sim.attach(link.device());
        return new Board(new RpcClient(link.host(), RpcOptions.defaults().withClock(clock)), "sim:", "sim", gate, clock);
    }

    /** Runs {@code line} as typed at the prompt; its exit code. */
    public int type(String line) { return registry.execute(line); }

    /** Everything printed on stdout so far. */
    public String out() { return out.toString().replace("\r", ""); }

    /** Everything printed on stderr so far. */
    public String err() { return err.toString().replace("\r", ""); }

    /** What stdout got since the last take, and forgets it. */
    public String takeOut() {
        String s = out();
        out.getBuffer().setLength(0);
        return s;
    }

    /** Forgets what was printed, so the next line's output stands alone. */
    public void clearOutput() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Override public void close() { session.close(); }
}
