package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.device.Board;
import dev.sesh.device.LogMonitor;
import dev.sesh.shell.Console;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.MonitorLines;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "monitor", description = "The board's log as a serial monitor: every line it prints, boot text and reboots, until Ctrl-C or Ctrl-]",
        footer = {"", "Like `mos console`: lines print as the board sends them; the ESP8266 ROM's 74880-baud boot message",
                "shows as one <N non-text bytes> line; a reboot shows as --- reboot --- and monitoring goes on.",
                "If the link closes (a USB serial adapter re-enumerating), monitor waits for the port and reopens it.", "",
                "Examples:", "  monitor", "  monitor --timestamp relative", "  monitor --hexdump",
                "  monitor --until 'ATCA:0 ECDSA sign ok' --seconds 60     wait for the article's log check, exit 1 if it never comes",
                "  sesh --port /dev/ttyUSB0 monitor -n 200 --until 'HTTP server started on [443] (SSL)' --seconds 30",
                "  sesh --port /dev/ttyUSB0 monitor --timestamp absolute", "  sesh --port /dev/ttyUSB0 monitor --json | jq -r .text"})
public final class MonitorCommand implements Callable<Integer> {
    private static final int CTRL_C = 3;
    private static final int CTRL_RIGHT_BRACKET = 0x1d;
    private static final long POLL_MS = 40;
    private static final long REOPEN_MS = 1000;

    private final Session session;

    @Option(names = {"-t", "--timestamp"}, paramLabel = "relative|absolute", completionCandidates = Stamps.class, description = "put a time before each line: seconds since the monitor started, or the time of day")
    String timestamp;

    @Option(names = "--hexdump", description = "also show each line's bytes as a hex dump")
    boolean hexdump;

    @Option(names = "--json", description = "one JSON object per line: {t, at, type: line|non_text|reboot|link, text | bytes, hex}")
    boolean json;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "0", description = "first show the last N lines the board printed in this session (a one-shot run: since it connected, boot text included)")
    int recent;

    @Option(names = "--until", paramLabel = "TEXT", description = "stop (exit 0) after a line containing TEXT (the -n lines count too)")
    String until;

    @Option(names = "--seconds", paramLabel = "N", description = "stop after N seconds; with --until, exit 1 if TEXT did not come")
    Double seconds;

    public MonitorCommand(Session session) { this.session = session; }

    /** Completion candidates for --timestamp. */
    public static final class Stamps implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return java.util.List.of("relative", "absolute").iterator(); }
    }

    @Override public Integer call() throws Exception {
        MonitorLines.Stamp stamp = stamp(timestamp);
        if (seconds != null && seconds <= 0) throw SeshException.badArg("--seconds must be positive", "e.g. --seconds 30");
        Board board = session.board();
        Optional<Terminal> terminal = session.terminal().filter(t -> !Console.isDumb(t));
        long start = board.clock().nanos();
        MonitorLines lines = new MonitorLines(stamp, hexdump, json || session.jsonByDefault(), start, ZoneId.systemDefault());
        session.err().println("monitoring " + board.portText() + (terminal.isPresent() ? "; Ctrl-] or Ctrl-C ends" : "; Ctrl-C ends"));
        session.err().flush();
        if (recent < 0) throw SeshException.badArg("-n must be 0 or more", "e.g. monitor -n 50");
        for (String line : session.deviceLog().last(recent)) {
            session.out().println(line);
            if (until != null && line.contains(until)) {
                session.out().flush();
                return 0;
            }
        }
        session.out().flush();
        Thread me = Thread.currentThread();
        Attributes saved = terminal.map(Terminal::enterRawMode).orElse(null);
        Terminal.SignalHandler before = terminal.map(t -> t.handle(Terminal.Signal.INT, s -> me.interrupt())).orElse(null);
        LogMonitor monitor = LogMonitor.attach(board, Instant::now);
        try (AutoCloseable quiet = session.divertDeviceLog(line -> { })) {
            while (true) {
                if (seconds != null && board.clock().nanos() - start >= seconds * 1e9) return timedOut();
                LogMonitor.Event e;
                try {
                    e = monitor.next(POLL_MS);
                } catch (InterruptedException stop) {
                    return 0;                   // Ctrl-C ends monitoring; that is the normal way out
                }
                if (e != null) {
                    session.out().print(lines.of(e));
                    session.out().flush();
                    if (until != null && e instanceof LogMonitor.Line l && l.text().contains(until)) return 0;
                    continue;
                }
                if (terminal.isPresent() && endKey(terminal.get().reader())) return 0;
                if (!monitor.board().isOpen()) {
                    monitor.close();
                    Optional<LogMonitor> again = reopen(monitor.board(), lines, terminal);
                    if (again.isEmpty()) return 0;
                    monitor = again.get();
                }
            }
        } finally {
            monitor.close();
            terminal.ifPresent(t -> t.handle(Terminal.Signal.INT, before));
            if (saved != null) terminal.get().setAttributes(saved);
            Thread.interrupted();
        }
    }

    private int timedOut() {
        if (until == null) return 0;
        throw SeshException.failed("'" + until + "' did not appear in the board's log within " + seconds + " s",
                "check the board's configuration (config get), or wait longer with --seconds");
    }

    private static MonitorLines.Stamp stamp(String s) {
        if (s == null) return MonitorLines.Stamp.NONE;
        return switch (s) {
            case "relative" -> MonitorLines.Stamp.RELATIVE;
            case "absolute" -> MonitorLines.Stamp.ABSOLUTE;
            default -> throw SeshException.badArg("--timestamp takes relative or absolute, not '" + s + "'", "monitor --timestamp relative");
        };
    }

    /** True after Ctrl-] (or Ctrl-C when the terminal sends it as a byte). */
    private static boolean endKey(NonBlockingReader keys) throws IOException {
        int c = keys.read(1);
        return c == CTRL_RIGHT_BRACKET || c == CTRL_C;
    }

    /**
     * The link closed (a USB serial adapter goes away while the board resets): wait for the port and
     * open it again, as the session's board. A simulated board is not reopened: a new one would be
     * another board. Empty when the user ended the wait.
     */
    private Optional<LogMonitor> reopen(Board gone, MonitorLines lines, Optional<Terminal> terminal) throws IOException {
        String port = gone.portText();
        session.out().print(lines.note(gone.clock().nanos(), Instant.now(), "link to " + port + " closed; waiting for it"));
        session.out().flush();
        if (port.startsWith("sim:")) return Optional.empty();
        while (true) {
            try {
                Board b = session.connect(port);
                session.out().print(lines.note(b.clock().nanos(), Instant.now(), "reopened " + port));
                session.out().flush();
                return Optional.of(LogMonitor.attach(b, Instant::now));
            } catch (SeshException notYet) {
                // the port is not back yet
            }
            long until = System.nanoTime() + REOPEN_MS * 1_000_000L;
            while (System.nanoTime() < until) {
                if (Thread.currentThread().isInterrupted()) return Optional.empty();
                if (terminal.isPresent() && endKey(terminal.get().reader())) return Optional.empty();
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException stop) {
                    return Optional.empty();
                }
            }
        }
    }
}
