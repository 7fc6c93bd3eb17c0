package dev.sesh.shell.command.aws;

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
record AwsCli(Path exe) {
    static final String PROPERTY = "sesh.aws";

    /** What one run printed and how it ended. */
    record Result(int code, String out) {}

    /** The aws tool to use, if any. */
    static Optional<AwsCli> find() {
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

    /** Whether credentials work: {@code aws sts get-caller-identity} ends with 0. */
    boolean credentialsWork() {
        return run(List.of("sts", "get-caller-identity")).code() == 0;
    }

    /** Runs {@code aws ARGS}; its stdout is returned, its stderr is the user's (inherited). */
    Result run(List<String> args) {
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

    /** {@code aws ARGS}, which must succeed; its output stripped. */
    String must(List<String> args) {
        Result r = run(args);
        if (r.code() != 0 || r.out().isEmpty()) {
            throw SeshException.failed("aws " + String.join(" ", args.subList(0, Math.min(2, args.size()))) + " failed (exit " + r.code() + ")",
                    "see the aws tool's message above; or run the commands aws-iot setup prints when no aws tool is found");
        }
        return r.out();
    }
}
