package dev.sesh.aws;

import dev.sesh.SeshException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code aws} command line tool, when this computer has it: found on PATH, or named by the
 * system property {@value #PROPERTY} (empty = behave as if there were none, which tests use).
 * sesh has no AWS SDK; the cloud calls are the CLI's.
 */
public record AwsCli(Path exe) implements AwsTool {
    static final String PROPERTY = "sesh.aws";

    /** The aws tool to use, if any. */
    public static Optional<AwsTool> find() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null) return forced.isBlank() ? Optional.empty() : Optional.of(new AwsCli(Path.of(forced)));
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(Pattern.quote(java.io.File.pathSeparator))) {
            if (dir.isEmpty()) continue;
            for (String name : List.of("aws", "aws.exe", "aws.cmd")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(new AwsCli(p));
            }
        }
        return Optional.empty();
    }

    /** Runs {@code aws ARGS}; its stdout is returned, its stderr is the user's (inherited). */
    @Override public Result run(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out.strip());
        } catch (IOException e) {
            return new Result(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("interrupted while aws " + String.join(" ", args) + " ran", "run aws-iot setup again");
        }
    }
}
