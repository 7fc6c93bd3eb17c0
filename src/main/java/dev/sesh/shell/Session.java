package dev.sesh.shell;

import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.ChipStatus;
import dev.sesh.atca.Via;
import dev.sesh.aws.AwsTool;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.plan.LocalFileGuard;

import dev.sesh.shell.format.ProgressBar;
import dev.sesh.shell.complete.CandidateCache;
import org.jline.reader.History;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

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
    private final OutputStream binaryOut;
    private final Consumer<String> statusLine;
    private volatile Consumer<String> deviceLogSink;
    private Board board;
    private Supplier<Board> onDemand;
    private String openingPort;
    private final DeviceLogRing deviceLog = new DeviceLogRing(DeviceLogRing.DEFAULT_CAPACITY);
    private volatile Supplier<Optional<String>> chipStatus = Optional::empty;
    private volatile History history;
    private final Supplier<org.jline.terminal.Terminal> terminal;
    private final Map<CacheKey, CandidateCache<?>> caches = new ConcurrentHashMap<>();
    private final Optional<Via> via;
    private Atecc atecc;
    private final LocalFileGuard files;
    private final Supplier<Optional<AwsTool>> awsTool;
    private SessionRecorder recorder;
    /** Where the decoded wire trace goes while it is on (issue 19); null when off. */
    private Consumer<String> traceSink;
    private AutoCloseable traceHandle;

    /** A session without a terminal: no progress bars; {@link #binaryOut()} writes into {@code out} as ISO-8859-1 text. */
    public Session(BoardConnector connector, PrintWriter out, PrintWriter err, ErrorReporter errors, boolean jsonByDefault) {
        this(builder(connector, out, err, errors).json(jsonByDefault));
    }

    private Session(Builder b) {
        this.files = b.files;
        this.via = b.via;
        this.binaryOut = b.binaryOut != null ? b.binaryOut : textStream(b.out);
        this.statusLine = b.statusLine;
        this.connector = b.connector;
        this.out = b.out;
        this.err = b.err;
        this.errors = b.errors;
        this.jsonByDefault = b.json;
        this.onDemand = b.onDemand;
        this.deviceLogSink = b.deviceLog;
        this.awsTool = b.awsTool;
        this.terminal = b.terminal;
    }

    /** A session over {@code connector} writing results to {@code out} and the rest to {@code err}; the builder sets the options of the run. */
    public static Builder builder(BoardConnector connector, PrintWriter out, PrintWriter err, ErrorReporter errors) {
        return new Builder(connector, out, err, errors);
    }

    /** The collaborators and options of one session, given once before it is made (style.md rule 8). */
    public static final class Builder {
        private final BoardConnector connector;
        private final PrintWriter out;
        private final PrintWriter err;
        private final ErrorReporter errors;
        private boolean json;
        private OutputStream binaryOut;
        private Consumer<String> statusLine;
        private Optional<Via> via = Optional.empty();
        private LocalFileGuard files = LocalFileGuard.refusing();
        private Supplier<Board> onDemand;
        private Consumer<String> deviceLog = line -> { };
        private Supplier<Optional<AwsTool>> awsTool = Optional::empty;
        private Supplier<org.jline.terminal.Terminal> terminal;

        private Builder(BoardConnector connector, PrintWriter out, PrintWriter err, ErrorReporter errors) {
            this.connector = connector;
            this.out = out;
            this.err = err;
            this.errors = errors;
        }

        /** Results as JSON unless a command is told otherwise ({@code --json}). */
        public Builder json(boolean jsonByDefault) { this.json = jsonByDefault; return this; }

        /** The raw stdout behind {@code out} (for {@code fs cat}); default: {@code out} as ISO-8859-1 text. */
        public Builder binaryOut(OutputStream raw) { this.binaryOut = raw; return this; }

        /** Receives progress bar lines when stderr is a terminal; null (the default) draws none. */
        public Builder statusLine(Consumer<String> statusLineOrNull) { this.statusLine = statusLineOrNull; return this; }

        /** The ATECC back end asked for with {@code --via} (empty: sesh chooses). */
        public Builder via(Optional<Via> via) { this.via = via; return this; }

        /** Decides whether a command may replace a local file (ask, --force, never a key); default: never. */
        public Builder files(LocalFileGuard files) { this.files = files; return this; }

        /** The board to open the first time a command needs one (one-shot runs: design.md 5.2). */
        public Builder openOnDemand(Supplier<Board> open) { this.onDemand = open; return this; }

        /** Where device log lines go until a console attaches (default: nowhere; they are kept for {@code log}). */
        public Builder deviceLog(Consumer<String> sink) { this.deviceLog = sink; return this; }

        /** Finds the {@code aws} tool for {@code aws-iot setup} when asked (default: there is none). */
        public Builder awsTool(Supplier<Optional<AwsTool>> finder) { this.awsTool = finder; return this; }

        /** The terminal of this run, for commands that read keys themselves (monitor: Ctrl-]); null without one. */
        public Builder terminal(Supplier<org.jline.terminal.Terminal> terminalOrNull) { this.terminal = terminalOrNull; return this; }

        public Session build() { return new Session(this); }
    }

    public PrintWriter out() { return out; }

    /** Whether a local output file may be replaced: call {@code files().mayReplace(path)} before writing it. */
    public LocalFileGuard files() { return files; }

    public PrintWriter err() { return err; }

    /** The {@code aws} tool of this computer, looked up on each call (empty: none, or switched off). */
    public Supplier<Optional<AwsTool>> awsTool() { return awsTool; }

    public ErrorReporter errors() { return errors; }

    /** The recent device log lines of this session (every board it was connected to). */
    public DeviceLogRing deviceLog() { return deviceLog; }

    /**
     * The chip as last read on the current board, for the prompt ({@code ATECC508A cfg:locked data:open});
     * empty until something has read it. Never asks the board.
     */
    public Optional<String> chipStatus() {
        try {
            return chipStatus.get();
        } catch (RuntimeException e) {
            return Optional.empty();            // the prompt must draw even if the chip object is in a bad state
        }
    }

    /**
     * Where {@link #chipStatus()} comes from: a source that answers from what was last read (the
     * atca object's prompt summary). Reset to empty when the board changes.
     */
    private void chipStatusFrom(Supplier<Optional<String>> source) { this.chipStatus = source; }

    /** The current board's atca object if something has made it; never creates one, never asks the board. */
    public synchronized Optional<Atecc> currentAtca() {
        return atecc != null && atecc.board() == board ? Optional.of(atecc) : Optional.empty();
    }

    /**
     * The current board's ATECC (the {@code atca} object), made at first use; the prompt's chip
     * summary then follows its last read of the config zone.
     */
    public synchronized Atecc atca() {
        Board b = board();
        if (atecc == null || atecc.board() != b) {
            Atecc made = new Atecc(b, via);
            atecc = made;
            chipStatusFrom(() -> made.lastStatus().map(ChipStatus::text));
        }
        return atecc;
    }

    /** {@code board.twin(dir)}: the chip is copied through this session's {@code atca} (device sits below atca). */
    private Object twinOf(Board b, String dir) {
        synchronized (this) {
            if (board != b) throw SeshException.badArg("this board is no longer the connected one", "connect it again, then call board.twin(dir)");
        }
        return atca().twin(dir);
    }

    /** The console's line history; empty when there is no console (one-shot runs). */
    public Optional<History> history() { return Optional.ofNullable(history); }

    /**
     * Called once by the console that owns the line reader (the LineReader wiring cycle, style.md
     * rule 8): its history, and the printer of device log lines above the prompt.
     */
    public void attachConsole(History h, Consumer<String> deviceLogAbovePrompt) {
        this.history = h;
        this.deviceLogSink = deviceLogAbovePrompt;
    }

    /** The terminal of this run, for commands that read keys themselves ({@code monitor}: Ctrl-]); empty without one. */
    public Optional<org.jline.terminal.Terminal> terminal() { return Optional.ofNullable(terminal).map(Supplier::get); }

    /**
     * Sends device log lines to {@code sink} instead of the usual place until the returned handle is
     * closed (for {@code log --follow}, so a line is not printed twice).
     */
    public AutoCloseable divertDeviceLog(Consumer<String> sink) {
        Consumer<String> before = deviceLogSink;
        deviceLogSink = sink;
        return () -> deviceLogSink = before;
    }

    /**
     * The completion cache named {@code name} for the current board, made on first use: {@code loader}
     * asks the board on a background thread, answers are kept {@code maxAge} (board clock). Caches are
     * dropped when the board changes. Before any board is connected {@code empty} is answered.
     */
    @SuppressWarnings("unchecked")
    public <T> CandidateCache<T> completionCache(String name, Function<Board, T> loader, T empty, Duration maxAge) {
        Optional<Board> b = currentBoard();
        if (b.isEmpty()) return new CandidateCache<>(() -> empty, empty, maxAge, System::nanoTime, Runnable::run);
        Board board = b.get();
        // Keyed by board too: a cache made just as the board changed can never answer for the new one.
        return (CandidateCache<T>) caches.computeIfAbsent(new CacheKey(board, name), k -> new CandidateCache<>(() -> loader.apply(board), empty, maxAge,
                board.clock()::nanos, CandidateCache.backgroundExecutor()));
    }

    private record CacheKey(Board board, String name) { }

    private void deviceLine(String raw) {
        deviceLogSink.accept(deviceLog.add(raw));
    }

    public boolean jsonByDefault() { return jsonByDefault; }

    /**
     * Turns the decoded wire trace on (lines to {@code sink}) or off (empty); it stays on across
     * {@code connect}, following the current board.
     */
    public synchronized void trace(Optional<Consumer<String>> sink) {
        stopTrace();
        traceSink = sink.orElse(null);
        if (traceSink != null && board != null) traceHandle = decodedTrace(board);
    }

    /** The running {@code record FILE}, if any. */
    public synchronized Optional<SessionRecorder> recording() { return Optional.ofNullable(recorder); }

    /** Starts recording the console into {@code file} (the caller has checked that it may be written). */
    public synchronized SessionRecorder startRecording(java.nio.file.Path file) {
        if (recorder != null) throw SeshException.badArg("already recording to " + recorder.file(), "record stop first");
        recorder = SessionRecorder.start(file, board == null ? "" : board.portText());
        return recorder;
    }

    /** Ends the recording (the file is complete after every line; this closes it). */
    public synchronized void stopRecording() {
        if (recorder == null) return;
        SessionRecorder r = recorder;
        recorder = null;
        r.close();
    }

    /** Whether the decoded wire trace is on. */
    public synchronized boolean tracing() { return traceSink != null; }

    private void stopTrace() {
        if (traceHandle == null) return;
        try {
            traceHandle.close();
        } catch (Exception ignored) {
            // removing a listener; nothing can fail that the user could act on
        }
        traceHandle = null;
    }

    private void traceNewBoard(Board b) {
        stopTrace();
        if (traceSink != null) traceHandle = decodedTrace(b);
    }

    /** One trace per board: a decoded read belongs to the command written before it on the same link. */
    private AutoCloseable decodedTrace(Board b) {
        return b.addFrameListener(new dev.sesh.atca.DecodedTrace(traceSink, new dev.sesh.plan.Redactor()::json, b.clock()::nanos));
    }

    /** stdout as bytes, for results that are not text (fs cat); {@link #out()} is flushed first. */
    public OutputStream binaryOut() {
        out.flush();
        return binaryOut;
    }

    /** A progress bar for a transfer of {@code total} bytes, timed on the board's clock; draws nothing off a terminal. */
    public ProgressBar progress(String label, long total) {
        return new ProgressBar(label, total, board().clock(), statusLine != null, statusLine == null ? text -> { } : statusLine);
    }

    /**
     * The connected board; opens the on-demand board first if one was set (so commands that need
     * no board, like {@code ports} or {@code help}, never open one). Throws a one-line error with
     * the fix when there is none.
     */
    public Board board() {
        Supplier<Board> open;
        synchronized (this) {
            if (board != null) return board;
            open = onDemand;
            if (open == null) throw notConnected();
        }
        // Opened outside the lock: the console's prompt and a connecting thread ask this session too.
        // The on-demand suppliers give one board to every caller (a task run once), or one error.
        Board opened;
        try {
            opened = open.get();
        } catch (RuntimeException e) {
            synchronized (this) {
                if (onDemand == open) onDemand = null;      // told once; then "not connected"
            }
            throw e;
        }
        Board old;
        synchronized (this) {
            if (onDemand != open) {                          // another thread adopted it first (or disconnected)
                if (board == null) throw notConnected();
                return board;
            }
            onDemand = null;
            old = take(opened);
        }
        handOver(old, opened);
        return opened;
    }

    private static SeshException notConnected() {
        return new SeshException("not connected to a board", "connect PORT (a serial device, tcp://HOST:PORT, ws://HOST/rpc or sim:)", SeshException.UNREACHABLE);
    }

    public synchronized Optional<Board> currentBoard() { return Optional.ofNullable(board); }

    /**
     * The console's board while it is being opened (issue 21: the prompt comes first): {@code open}
     * gives it, {@link #board()} waits for it, and until then the prompt says "connecting {@code port}".
     */
    public synchronized void opening(String port, Supplier<Board> open) {
        this.onDemand = open;
        this.openingPort = port;
    }

    /** The port being opened, while no board is connected and the opening has not been taken up. */
    public synchronized Optional<String> opening() {
        return board == null && onDemand != null ? Optional.ofNullable(openingPort) : Optional.empty();
    }

    /**
     * The board of this run: the current one, or the on-demand one opened now (a one-shot
     * {@code status} or {@code log} is about the connection the run opens); empty when there is none.
     */
    public Optional<Board> runBoard() {
        boolean pending;
        synchronized (this) { pending = board == null && onDemand != null; }
        if (pending) board();
        return currentBoard();
    }

    /** Opens {@code port} and makes it the current board, closing the previous one. */
    public Board connect(String port) {
        Board opened = connector.open(port);
        Board old;
        synchronized (this) {
            onDemand = null;              // the user chose this board: a board still being opened is not adopted
            old = take(opened);
        }
        handOver(old, opened);
        return opened;
    }

    /**
     * Adopts an already opened board (the one the launcher chose). Its first log lines (boot text) are
     * handed over outside this session's lock: printing them may wait for the console's line reader,
     * whose completion asks this session.
     */
    public void adopt(Board opened) {
        Board old;
        synchronized (this) { old = take(opened); }
        handOver(old, opened);
    }

    /** Makes {@code opened} the current board (under the lock); returns the one it replaces. */
    private Board take(Board opened) {
        Board old = board;
        board = opened;
        chipStatus = Optional::empty;
        caches.clear();
        opened.twinWith(dir -> twinOf(opened, dir));
        traceNewBoard(opened);
        return old;
    }

    /** Outside the lock: closes the replaced board and starts the new one's log lines. */
    private void handOver(Board old, Board opened) {
        if (old != null && old != opened) old.close();
        opened.addLogListener(this::deviceLine);
    }

    public void disconnect() {
        Board old;
        boolean wasOpening;
        synchronized (this) {
            old = board;
            board = null;
            wasOpening = onDemand != null;
            onDemand = null;              // nor one still being opened: after disconnect nothing reconnects by itself
            chipStatus = Optional::empty;
            caches.clear();
        }
        if (old == null && !wasOpening) throw SeshException.badArg("not connected", "nothing to disconnect");
        if (old == null) return;
        old.close();
    }

    public BoardConnector connector() { return connector; }

    private static OutputStream textStream(PrintWriter out) {
        return new OutputStream() {
            @Override public void write(int b) { out.write(b & 0xff); }
            @Override public void write(byte[] b, int off, int len) { out.write(new String(b, off, len, StandardCharsets.ISO_8859_1)); }
            @Override public void flush() throws IOException { out.flush(); }
        };
    }

    @Override public synchronized void close() {
        stopRecording();
        if (board != null) {
            board.close();
            board = null;
        }
    }
}
