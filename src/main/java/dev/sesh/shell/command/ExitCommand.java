package dev.sesh.shell.command;

import dev.sesh.shell.Session;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "exit", aliases = "quit", description = "Leave sesh (Ctrl-D does the same)",
        footer = {"", "Examples:", "  exit", "  quit"})
public final class ExitCommand implements Callable<Integer> {
    /** Exit code the console loop recognises as "leave". */
    public static final int EXIT_REQUESTED = -100;

    public ExitCommand(Session session) { }

    @Override public Integer call() { return EXIT_REQUESTED; }
}
