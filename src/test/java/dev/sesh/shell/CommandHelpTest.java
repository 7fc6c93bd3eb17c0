package dev.sesh.shell;

import dev.sesh.shell.command.ConsoleCommands;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every console command (and subcommand) shows usage with at least one example of itself. */
class CommandHelpTest {
    private static List<CommandLine> all(CommandLine cl, List<CommandLine> into) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                into.add(sub);
                all(sub, into);
            }
        });
        return into;
    }

    @Test
    void everyCommandHasAFooterWithAnExampleOfItself() {
        CommandLine root = new CommandLine(new ConsoleCommands(), new SeshFactory(null));
        List<String> missing = new ArrayList<>();
        for (CommandLine cl : all(root, new ArrayList<>())) {
            String path = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^sesh ", "");
            String[] footer = cl.getCommandSpec().usageMessage().footer();
            boolean examples = Arrays.stream(footer).anyMatch(l -> l.strip().equals("Examples:"));
            boolean ofItself = Arrays.stream(footer).anyMatch(l -> l.stripLeading().startsWith(path)
                    || cl.getCommandSpec().aliases().length > 0 && Arrays.stream(cl.getCommandSpec().aliases()).anyMatch(a -> l.stripLeading().startsWith(a)));
            if (!examples || !ofItself) missing.add(path);
        }
        assertEquals(List.of(), missing, "commands without an Examples: footer naming themselves");
    }

    /**
     * Commands that print no data of their own (they act, print a file's raw bytes, or print the
     * board's JSON already): every other leaf command must take --json (design.md 5.1).
     */
    private static final java.util.Set<String> NO_DATA = java.util.Set.of(
            "call", "connect", "disconnect", "exit", "help", "reboot", "reset", "run", "groovy",
            "rehearse",   // runs a script on a twin, as run does on the board: the script prints what it prints
            "atca config get", "atca write", "config set", "fs cat", "fs get", "fs mv", "fs put", "fs rm");

    @Test
    void everyCommandThatPrintsDataTakesJson() {
        CommandLine root = new CommandLine(new ConsoleCommands(), new SeshFactory(null));
        List<String> missing = new ArrayList<>();
        for (CommandLine cl : all(root, new ArrayList<>())) {
            if (!cl.getSubcommands().isEmpty()) continue;
            String path = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^sesh ", "");
            if (!NO_DATA.contains(path) && cl.getCommandSpec().findOption("--json") == null) missing.add(path);
        }
        assertEquals(List.of(), missing, "data commands without --json (or add them to NO_DATA with the reason)");
    }

    @Test
    void everyCommandHasAOneLineDescription() {
        CommandLine root = new CommandLine(new ConsoleCommands(), new SeshFactory(null));
        for (CommandLine cl : all(root, new ArrayList<>())) {
            String[] d = cl.getCommandSpec().usageMessage().description();
            assertTrue(d.length > 0 && !d[0].isBlank(), cl.getCommandSpec().qualifiedName());
        }
    }
}
