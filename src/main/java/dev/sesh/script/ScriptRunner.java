package dev.sesh.script;

import dev.sesh.SeshException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a script file ({@code run FILE ARGS..} at the prompt, {@code sesh run FILE} and
 * {@code sesh FILE.groovy} from the shell): reads it as UTF-8 and hands it to the engine under its
 * file name, so errors read {@code provision.groovy:14: ...}. Returns the script's exit code.
 */
public final class ScriptRunner {
    private final ScriptEngineFacade engine;

    public ScriptRunner(ScriptEngineFacade engine) { this.engine = engine; }

    /** Exit code 0 or what the script passed to {@code exit(n)}; throws {@link ScriptError} or SeshException (exit 2: no such file). */
    public int run(Path file, List<String> args) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SeshException.badArg("no script " + file, "check the path (relative paths start in " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
        return engine.run(source, file.getFileName().toString(), args);
    }
}
