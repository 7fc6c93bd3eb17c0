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

    @Test
    void everyCommandHasAOneLineDescription() {
        CommandLine root = new CommandLine(new ConsoleCommands(), new SeshFactory(null));
        for (CommandLine cl : all(root, new ArrayList<>())) {
            String[] d = cl.getCommandSpec().usageMessage().description();
            assertTrue(d.length > 0 && !d[0].isBlank(), cl.getCommandSpec().qualifiedName());
        }
    }
}
