package dev.sesh.aws;

import dev.sesh.SeshException;

import java.util.List;

/**
 * The port to the {@code aws} command line tool: the setup workflow asks through it, the composition
 * root decides what answers ({@link AwsCli} on this computer; tests give their own).
 */
public interface AwsTool {
    /** What one run printed on stdout (stripped) and how it ended; -1 when it could not start. */
    record Result(int code, String out) {}

    /** Runs {@code aws ARGS}; its stderr is the user's. */
    Result run(List<String> args);

    /** Whether credentials work: {@code aws sts get-caller-identity} ends with 0. */
    default boolean credentialsWork() {
        return run(List.of("sts", "get-caller-identity")).code() == 0;
    }

    /** {@code aws ARGS}, which must end with 0; its output stripped (empty for calls that print nothing, like attach-policy). */
    default String must(List<String> args) {
        Result r = run(args);
        if (r.code() != 0) throw failed(args, r);
        return r.out();
    }

    /** {@code aws ARGS}, which must end with 0 and print the value asked for with --query. */
    default String mustPrint(List<String> args) {
        Result r = run(args);
        if (r.code() != 0 || r.out().isEmpty()) throw failed(args, r);
        return r.out();
    }

    private static SeshException failed(List<String> args, Result r) {
        return SeshException.failed("aws " + String.join(" ", args.subList(0, Math.min(2, args.size()))) + " failed (exit " + r.code() + ")",
                "see the aws tool's message above; or run the commands aws-iot setup prints when no aws tool is found");
    }
}
