package dev.sesh.shell;

import dev.sesh.SeshException;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.plan.Answer;
import dev.sesh.plan.AuditEntry;
import dev.sesh.plan.AuditedGate;
import dev.sesh.plan.Decision;
import dev.sesh.plan.LocalFileGuard;
import dev.sesh.plan.Outcome;
import dev.sesh.script.Boards;
import dev.sesh.script.GroovyFacade;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.format.Style;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * {@code rehearse FILE [ARGS]} (issue 23): runs a provisioning script on a twin of the connected
 * board and tells step by step what happened and where it would fail. The twin is written to a
 * temporary folder from reads of the board (the session's own gate sees no change), then opened
 * as a simulated board with a gate of its own that approves every plan and records it; the
 * script's objects ({@code board}, {@code atca}, ...) are the twin's, and {@code boards} opens
 * nothing. The real board's link keeps the session's guard: nothing but reads reaches it.
 * The temporary folder is removed at the end.
 */
public final class TwinRehearsal {
    private static final String TAG = "[twin] ";
    private final Session real;

    public TwinRehearsal(Session real) { this.real = real; }

    /** Runs {@code file} with {@code args} on a fresh twin; returns the script's exit code. */
    public int run(Path file, List<String> args) {
        if (!Files.isRegularFile(file)) throw SeshException.badArg("no script " + file, "give the path of a .groovy file");
        Board board = real.board();
        PrintWriter err = real.err();
        Path dir;
        try {
            dir = Files.createTempDirectory("sesh-twin-");
        } catch (IOException e) {
            throw SeshException.failed("cannot make a folder for the twin: " + e.getMessage(), "set java.io.tmpdir to a writable folder");
        }
        try {
            err.println("rehearse: reading " + board.portText() + " to make its twin (reads only; nothing is sent that changes it)");
            err.flush();
            real.atca().twin(dir, false);
            List<AuditEntry> steps = new CopyOnWriteArrayList<>();
            PlanRenderer renderer = PlanRenderer.whole(Style.plain());
            AuditedGate gate = new AuditedGate(plan -> {
                for (String line : renderer.render(plan).split("\n")) err.println(TAG + line);
                err.println(TAG + "approved for the rehearsal (on the twin only)");
                err.flush();
                return new Decision(Answer.AUTO_APPROVED, "", "");
            }, steps::add, java.time.Clock.systemUTC());
            int rc;
            ErrorReporter twinErrors = new ErrorReporter(false, real.errors().style());
            try (Session twin = new Session(NOTHING, real.out(), err, twinErrors, false);
                 Boards boards = new Boards(NOTHING)) {
                twin.adopt(real.connector().openTwin("sim:" + dir, gate));
                GroovyFacade engine = GroovyFacade.startNow(ScriptBindings.of(twin, boards, real.out(), LocalFileGuard.refusing()));
                rc = new ScriptConsole(twin, engine).runFile(file, args);
            }
            Optional<String> stop = rc == 0 || twinErrors.last() == null ? Optional.empty()
                    : Optional.of(String.valueOf(twinErrors.last().getMessage()));
            for (String line : report(board.portText(), file, args, steps, rc, stop)) err.println(line);
            err.flush();
            return rc;
        } finally {
            delete(dir);
        }
    }

    /**
     * The step-by-step account of a rehearsal: each plan the script had approved on the twin and
     * how it went, the error that stopped the script ({@code stop}) as the step it would fail at
     * when no plan failed (sesh refuses some changes before building a plan), and the way to run
     * it for real.
     */
    static List<String> report(String port, Path file, List<String> args, List<AuditEntry> steps, int rc, Optional<String> stop) {
        List<String> out = new ArrayList<>();
        out.add("rehearsal of " + file + " on a twin of " + port + ":");
        int n = 0;
        int failedAt = -1;
        for (AuditEntry e : steps) {
            n++;
            String result;
            if (e.outcome() instanceof Outcome.Failed f) {
                result = "FAILED: " + f.message();
                if (failedAt < 0) failedAt = n;
            } else {
                result = e.outcome() instanceof Outcome.Ok ? "ok" : "not run";
            }
            out.add("  step " + n + ": " + e.plan().title().replace(". This cannot be undone.", " (irreversible)") + ": " + result);
        }
        if (failedAt < 0 && stop.isPresent()) {
            n++;
            failedAt = n;
            out.add("  step " + n + ": FAILED before any change was sent: " + stop.get());
        }
        if (steps.isEmpty() && stop.isEmpty()) out.add("  (the script asked for no change)");
        if (rc == 0) {
            out.add("every step worked on the twin.");
        } else if (failedAt > 0) {
            out.add("it would fail at step " + failedAt + " (exit code " + rc + "); fix that before running it on the board.");
        } else {
            out.add("it would stop with exit code " + rc + (n > 0 ? " after step " + n : " before any change") + " (the error is above).");
        }
        out.add("nothing but reads was sent to " + port + ".");
        StringBuilder cmd = new StringBuilder("to run it for real: sesh --port " + port + " run " + file);
        for (String a : args) cmd.append(' ').append(a);
        out.add(cmd.toString());
        return out;
    }

    // The twin session opens no other board: a rehearsed script cannot reach the real one through it.
    private static final BoardConnector NOTHING = new BoardConnector() {
        @Override public Board open(String port) {
            throw SeshException.badArg("a rehearsal runs on the twin only; it cannot open " + port, "run the script for real to use other boards");
        }

        @Override public List<SerialPortEntry> ports() { return List.of(); }
    };

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder left behind holds only the twin's random values and the board's files
        }
    }
}
