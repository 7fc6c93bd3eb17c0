package dev.sesh.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sesh run FILE ARGS..} (and {@code sesh FILE.groovy ARGS..}): the console's {@code run}
 * command, run once with Groovy started at once. The words reach that command unparsed, so its
 * options, messages and help stay the console's own (one definition of {@code run}).
 */
@Command(name = "run", description = "Run a Groovy script file (the console's run command, once)")
final class RunFileCommand {
    @Parameters(arity = "0..*", paramLabel = "FILE ARGS", description = "as for the console's run")
    List<String> words = new ArrayList<>();

    /** The console command line this stands for: {@code run} and the words given. */
    List<String> line() { return line(words); }

    /** {@code run} followed by {@code args}. */
    static List<String> line(List<String> args) {
        List<String> line = new ArrayList<>(args.size() + 1);
        line.add("run");
        line.addAll(args);
        return line;
    }
}
