package dev.sesh.shell.command;

import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code FILE [ARGS]} of a command that runs a script ({@code run}, {@code rehearse}); a picocli mixin. */
public final class ScriptFileArgs {
    @Parameters(index = "0", paramLabel = "FILE", description = "the script (.groovy)")
    Path file;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS", description = "passed to the script as args")
    List<String> args = new ArrayList<>();
}
