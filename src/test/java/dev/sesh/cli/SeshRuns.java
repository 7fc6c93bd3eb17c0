package dev.sesh.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs sesh in-process as a user would without a TTY, with SESH_HOME in a given folder. */
final class SeshRuns {
    private SeshRuns() { }

    record Run(int code, String out, String err) {
        long errorLines() { return err.lines().filter(l -> l.startsWith("error:")).count(); }
        long hintLines() { return err.lines().filter(l -> l.startsWith("hint:")).count(); }
        String errorLine() { return err.lines().filter(l -> l.startsWith("error:")).findFirst().orElse(""); }

        /** Why this failed run is not "one clear line and a non-zero exit", or empty when it is. */
        Optional<String> unclearFailure() {
            if (code == 0) return Optional.empty();
            if (errorLines() != 1) return Optional.of(errorLines() + " error: lines");
            if (hintLines() > 1) return Optional.of(hintLines() + " hint: lines");
            if (err.contains("this is a bug in sesh") || err.contains("\tat ")) return Optional.of("a bug report or stack trace: " + errorLine());
            return Optional.empty();
        }

        /** This run with the carriage returns taken out of stdout and stderr. */
        Run withoutCarriageReturns() { return new Run(code, out.replace("\r", ""), err.replace("\r", "")); }
    }

    static Run run(Path home, String... args) { return run(home, Map.of(), args); }

    static Run run(Path home, Map<String, String> moreEnv, String... args) { return start(home, moreEnv, "", false, args); }

    /**
     * A run on a fresh virtual clock (design.md 5.4): simulated boards, the RPC client's timeouts and
     * scripts take their time from it, so chip execution times, flash writes and fault delays cost no
     * wall time.
     */
    static Run virtual(Path home, String... args) { return start(home, Map.of(), "", false, new dev.sesh.bytes.VirtualClock(), args); }

    /** {@link #virtual} with stdout and stderr in one stream, interleaved, in {@link Run#out()}. */
    static Run virtualInterleaved(Path home, String... args) { return start(home, Map.of(), "", true, new dev.sesh.bytes.VirtualClock(), args); }

    /** A run with {@code stdin} as its input; without a TTY the console reads it through a dumb terminal. */
    static Run typed(Path home, String stdin, String... args) { return start(home, Map.of(), stdin, false, args); }

    /**
     * A run with {@code stdin} as its input and stdout and stderr written to one stream, interleaved as
     * a user sees them: the whole transcript is in {@link Run#out()}, and {@link Run#err()} is empty.
     */
    static Run interleaved(Path home, String stdin, String... args) { return start(home, Map.of(), stdin, true, args); }

    /**
     * A console session with {@code stdin} as its input that must exit 0 (the test fails with stderr
     * otherwise); returns stdout followed by stderr.
     */
    static String console(Path home, String stdin, String... args) {
        Run r = typed(home, stdin, args);
        assertEquals(0, r.code(), r.err());
        return r.out() + r.err();
    }

    /** The one place that builds {@link Main} for these runs: no TTY, no serial ports, SESH_HOME in {@code home}. */
    private static Run start(Path home, Map<String, String> moreEnv, String stdin, boolean oneStream, String... args) {
        return start(home, moreEnv, stdin, oneStream, dev.sesh.bytes.Clock.system(), args);
    }

    private static Run start(Path home, Map<String, String> moreEnv, String stdin, boolean oneStream, dev.sesh.bytes.Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = oneStream ? out : new ByteArrayOutputStream();
        Map<String, String> env = new java.util.HashMap<>(moreEnv);
        env.put("SESH_HOME", home.toString());
        Main m = new Main(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, List::of, clock);
        int code = m.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), oneStream ? "" : err.toString(StandardCharsets.UTF_8));
    }
}
