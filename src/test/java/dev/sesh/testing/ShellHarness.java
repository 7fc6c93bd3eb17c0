package dev.sesh.testing;

import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.shell.ErrorReporter;
import dev.sesh.shell.SeshSystemRegistry;
import dev.sesh.shell.Session;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The console's command layer as a user types into it, wired to a simulated board: a
 * {@link Session} over {@link SimI2cBoard} (virtual clock, a recording plan gate) and the
 * {@link SeshSystemRegistry} that parses and runs each line, with stdout and stderr captured
 * (CRs dropped). What the command tests used to build each for themselves; one per test, closed
 * after it.
 */
public final class ShellHarness implements AutoCloseable {
    public final SimI2cBoard sim;
    public final Session session;
    public final SeshSystemRegistry registry;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A fresh simulated board (ATECC508A, I2C enabled). */
    public ShellHarness() { this(new SimI2cBoard()); }

    /** The console over {@code sim}, already connected to it. */
    public ShellHarness(SimI2cBoard sim) {
        this.sim = sim;
        session = Session.builder(new BoardConnector() {
            @Override public Board open(String port) { return sim.board; }
            @Override public List<SerialPortEntry> ports() { return List.of(); }
        }, new PrintWriter(out, true), new PrintWriter(err, true), new ErrorReporter(false))
                .binaryOut(new ByteArrayOutputStream()).build();
        session.adopt(sim.board);
        registry = new SeshSystemRegistry(session);
    }

    /** Runs {@code line} as typed at the prompt; its exit code. */
    public int type(String line) { return registry.execute(line); }

    /** Everything printed on stdout so far. */
    public String out() { return out.toString().replace("\r", ""); }

    /** Everything printed on stderr so far. */
    public String err() { return err.toString().replace("\r", ""); }

    /** Forgets what was printed, so the next line's output stands alone. */
    public void clearOutput() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Override public void close() { session.close(); }
}
