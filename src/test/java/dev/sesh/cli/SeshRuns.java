package dev.sesh.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    }

    static Run run(Path home, String... args) { return run(home, Map.of(), args); }

    static Run run(Path home, Map<String, String> moreEnv, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new java.util.HashMap<>(moreEnv);
        env.put("SESH_HOME", home.toString());
        Main m = new Main(env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, List::of);
        int code = m.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
