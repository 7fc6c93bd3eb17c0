package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/commands.md is the picocli model printed as Markdown, so it cannot drift from the code:
 * this test fails when it differs and rewrites it with {@code -Dsesh.writeDocs=true}.
 */
class CommandReferenceTest {
    static final Path DOC = Path.of("docs", "commands.md");

    static String markdown() {
        CommandLine top = CompletionCommand.model();
        StringBuilder sb = new StringBuilder();
        sb.append("# sesh command reference\n\n")
          .append("Generated from the command definitions by `CommandReferenceTest` (run it with\n")
          .append("`-Dsesh.writeDocs=true` to update); do not edit by hand. Every console command below can be typed\n")
          .append("at the `sesh [...]>` prompt, passed with `-c '...'`, or given as arguments: `sesh --port sim: info`.\n")
          .append("In the console, `help COMMAND` and `COMMAND --help` print the same usage.\n\n");
        sb.append("## Contents\n\n");
        toc(top, sb);
        sb.append('\n');
        section(top, sb);
        return sb.toString();
    }

    private static String path(CommandLine cl) { return cl.getCommandSpec().qualifiedName(" "); }

    private static void toc(CommandLine cl, StringBuilder sb) {
        String p = path(cl);
        String[] d = cl.getCommandSpec().usageMessage().description();
        sb.append("- [`").append(p).append("`](#").append(p.replace(' ', '-')).append(")")
          .append(d.length == 0 || d[0].isBlank() ? "" : ": " + d[0]).append('\n');
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().name().equals(e.getKey())) toc(e.getValue(), sb);
        }
    }

    private static void section(CommandLine cl, StringBuilder sb) {
        sb.append("## ").append(path(cl)).append("\n\n```\n")
          .append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().name().equals(e.getKey())) section(e.getValue(), sb);
        }
    }

    @Test
    void helpNeverBreaksAnExampleOrUrlAcrossLines() {
        java.util.List<String> broken = new java.util.ArrayList<>();
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(CompletionCommand.model()));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.pop();
            todo.addAll(cl.getSubcommands().values());
            java.util.List<String> shown = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().toList();
            for (String line : cl.getCommandSpec().usageMessage().footer()) {
                if (!line.isBlank() && !shown.contains(line)) broken.add(path(cl) + ": " + line);
            }
        }
        assertTrue(broken.isEmpty(), "footer lines wrapped:\n" + String.join("\n", broken));
    }

    @Test
    void simServeHelpShowsTheHttpsExampleOnOneLine(@org.junit.jupiter.api.io.TempDir Path home) {
        SeshRuns.Run r = SeshRuns.run(home, "sim", "serve", "--help");
        assertTrue(r.out().lines().anyMatch(l -> l.contains("--https-port 8443") && l.contains("https://127.0.0.1:8443/rpc")), r.out());
    }

    @Test
    void docsCommandsMdIsTheGeneratedReference() throws Exception {
        CompletionScriptsTest.checkOrWrite(DOC, markdown());
    }

    @Test
    void referenceCoversEveryConsoleCommand() {
        String md = markdown();
        for (String name : new CommandLine(new dev.sesh.shell.command.ConsoleCommands(),
                new dev.sesh.shell.SeshFactory(null)).getSubcommands().keySet()) {
            if (name.equals("quit")) continue;               // alias of exit, listed under it
            assertTrue(md.contains("## sesh " + name + "\n"), name);
        }
    }
}
