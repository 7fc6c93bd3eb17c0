package dev.sesh.shell;

import dev.sesh.SeshException;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;

import org.jline.reader.History;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's state: the connected board (if any), where output goes, and the options of this
 * run. Commands receive it through {@link SeshFactory}; they never reach for globals.
 * stdout ({@link #out()}) carries only results; banners, plans and device logs go to {@link #err()}
 * (design.md 5.1).
 */
public final class Session implements AutoCloseable {
    private final BoardConnector connector;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ErrorReporter errors;
    private final boolean jsonByDefault;
    private volatile Consumer<String> deviceLogSink;
    private Board board;
    private final DeviceLogRing deviceLog = new DeviceLogRing(DeviceLogRing.DEFAULT_CAPACITY);
    private volatile ChipSummary chip;
    private volatile History history;

    public Session(BoardConnector connector, PrintWriter out, PrintWriter err, ErrorReporter errors, boolean jsonByDefault) {
        this.connector = connector;
        this.out = out;
        this.err = err;
        this.errors = errors;
        this.jsonByDefault = jsonByDefault;
        this.deviceLogSink = line -> { };
    }

    public PrintWriter out() { return out; }

    public PrintWriter err() { return err; }

    public ErrorReporter errors() { return errors; }

    /** The recent device log lines of this session (every board it was connected to). */
    public DeviceLogRing deviceLog() { return deviceLog; }

    /** The chip as last read on the current board, for the prompt; empty until something reads it. */
    public Optional<ChipSummary> chip() { return Optional.ofNullable(chip); }

    /** Records what was learned about the current board's chip (model, zone locks). */
    public void noteChip(ChipSummary summary) { this.chip = summary; }

    /** The console's line history; empty when there is no console (one-shot runs). */
    public Optional<History> history() { return Optional.ofNullable(history); }

    /** Called once by the console that owns the line reader (the LineReader wiring cycle, style.md rule 8). */
    public void attachHistory(History h) { this.history = h; }

    /**
     * Sends device log lines to {@code sink} instead of the usual place until the returned handle is
     * closed (for {@code log --follow}, so a line is not printed twice).
     */
    public AutoCloseable divertDeviceLog(Consumer<String> sink) {
        Consumer<String> before = deviceLogSink;
        deviceLogSink = sink;
        return () -> deviceLogSink = before;
    }

    private void deviceLine(String raw) {
        deviceLogSink.accept(deviceLog.add(raw));
    }

    public boolean jsonByDefault() { return jsonByDefault; }

    /** The connected board; throws a one-line error with the fix when there is none. */
    public synchronized Board board() {
        if (board == null) {
            throw new SeshException("not connected to a board", "connect PORT (a serial device, tcp://HOST:PORT, ws://HOST/rpc or sim:)", SeshException.UNREACHABLE);
        }
        return board;
    }

    public synchronized Optional<Board> currentBoard() { return Optional.ofNullable(board); }

    /** Opens {@code port} and makes it the current board, closing the previous one. */
    public Board connect(String port) {
        Board opened = connector.open(port);
        Board old;
        synchronized (this) {
            old = board;
            board = opened;
        }
        chip = null;
        opened.addLogListener(this::deviceLine);
        if (old != null) old.close();
        return opened;
    }

    /** Adopts an already opened board (the one the launcher chose). */
    public synchronized void adopt(Board opened) {
        if (board != null) board.close();
        board = opened;
        chip = null;
        opened.addLogListener(this::deviceLine);
    }

    public void disconnect() {
        Board old;
        synchronized (this) {
            old = board;
            board = null;
            chip = null;
        }
        if (old == null) throw SeshException.badArg("not connected", "nothing to disconnect");
        old.close();
    }

    /** Where device log lines go: the console prints them above the prompt. */
    public void onDeviceLog(Consumer<String> sink) { this.deviceLogSink = sink; }

    public BoardConnector connector() { return connector; }

    @Override public synchronized void close() {
        if (board != null) {
            board.close();
            board = null;
        }
    }
}
