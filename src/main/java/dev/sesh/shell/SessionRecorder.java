package dev.sesh.shell;

import dev.sesh.SeshException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code record FILE}: what the user does at the console, written as a Groovy script that
 * {@code sesh run FILE} replays (issue 19). Commands become the Groovy API calls that do the same
 * ({@link GroovyTranslation}); Groovy lines are kept as typed; answers to confirm prompts are not
 * recorded, so the replay asks again. A line that holds a secret (the rule of the console history,
 * {@link SecretAwareHistory#holdsSecret}) is left out with a note: secrets enter a recording only as
 * the names of their files. Lines that failed or were declined changed nothing and are kept as
 * comments. Each line is flushed as it is written, so the file is whole even if sesh is killed.
 */
public final class SessionRecorder implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private int recorded;

    private SessionRecorder(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Starts a recording into {@code file} (already cleared to be written) with a header naming {@code port}. */
    static SessionRecorder start(Path file, String port) {
        try {
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            SessionRecorder r = new SessionRecorder(file, w);
            r.write("// recorded by sesh at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + (port.isEmpty() ? "" : " on " + port));
            r.write("// replay: sesh --port PORT run " + file.getFileName() + "   (every change asks again; --yes approves reversible ones)");
            return r;
        } catch (IOException e) {
            throw SeshException.failed("cannot write " + file + ": " + e.getMessage(), "give a file in a writable folder");
        }
    }

    public Path file() { return file; }

    /** Lines recorded as calls or Groovy (comments not counted). */
    public synchronized int recorded() { return recorded; }

    /**
     * Records one console line that ran with exit code {@code rc}: {@code groovy} is what to write
     * for it (the Groovy line itself, or a command's API call), empty for a console-only command.
     */
    synchronized void ran(String line, int rc, Optional<String> groovy) {
        boolean secret = holdsSecret(line) || groovy.map(SessionRecorder::holdsSecret).orElse(false);
        String shown = secret ? "(a line holding a secret)" : line;
        if (rc != 0) {
            write("// not recorded (exit " + rc + "): " + shown);
        } else if (secret) {
            write("// left out: a line holding a secret; put the secret in a file and use it by name, e.g. x509.readSecret('slot4.key')");
        } else if (groovy.isEmpty()) {
            write("// console only: " + line);
        } else {
            write(groovy.get());
            recorded++;
        }
    }

    // A file path with a dot in it (a.pem, ./x, /tmp/a/b.yaml): base64 and hex have no dots, and the
    // history's base64 rule would otherwise take a long path for a secret.
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("[\\w.-]*/[\\w./-]*\\.[\\w./-]*|[\\w./-]*\\.[\\w.-]*/[\\w./-]*");

    /** The console history's secret rule, applied with file paths taken out (a path names a file, it is not its bytes). */
    static boolean holdsSecret(String line) { return SecretAwareHistory.holdsSecret(PATH.matcher(line).replaceAll("FILE")); }

    private void write(String text) {
        try {
            out.write(text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw SeshException.failed("cannot write " + file + ": " + e.getMessage(), "record stop, then record to another file");
        }
    }

    @Override public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw SeshException.failed("cannot finish " + file + ": " + e.getMessage(), "check the disk");
        }
    }
}
