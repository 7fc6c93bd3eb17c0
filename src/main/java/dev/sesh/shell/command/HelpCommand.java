package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.shell.Session;
import dev.sesh.shell.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "help", description = "List commands, or show one command's usage with an example",
        footer = {"", "Examples:", "  help", "  help call", "  help rpc describe"})
public final class HelpCommand implements Callable<Integer> {
    /** The console's parse rule, stated once here and pinned by tests (design.md section 3). */
    public static final String PARSE_RULE =
            "A line whose first word is a command name followed by a space or the end of the line is a command;\n"
            + "anything else is Groovy (for example atca.slots[0] or x = i2c.scan()).";

    private final Session session;

    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "command (and subcommand) to describe")
    List<String> command;

    public HelpCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        CommandLine root = spec.parent().commandLine();
        if (command == null || command.isEmpty()) {
            session.out().print(overview(root));
        } else {
            CommandLine target = root;
            for (String word : command) {
                CommandLine sub = target.getSubcommands().get(word);
                if (sub == null) {
                    List<String> close = Suggest.closest(word, target.getSubcommands().keySet());
                    throw SeshException.badArg("no command '" + String.join(" ", command) + "'",
                            close.isEmpty() ? "type help for the list of commands" : "did you mean " + String.join(", ", close) + "?");
                }
                target = sub;
            }
            session.out().print(target.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        session.out().flush();
        return 0;
    }

    static String overview(CommandLine root) {
        StringBuilder sb = new StringBuilder("Commands:\n");
        int w = root.getSubcommands().keySet().stream().mapToInt(String::length).max().orElse(8);
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec s = e.getValue().getCommandSpec();
            if (!s.name().equals(e.getKey())) continue;          // aliases appear once, under the name
            String[] d = s.usageMessage().description();
            sb.append(String.format("  %-" + w + "s  %s%n", e.getKey(), d.length == 0 ? "" : d[0]));
        }
        sb.append('\n').append(PARSE_RULE).append('\n');
        sb.append("help COMMAND or COMMAND --help shows usage and an example.\n");
        return sb.toString();
    }
}
