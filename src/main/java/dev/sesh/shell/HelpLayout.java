package dev.sesh.shell;

import picocli.CommandLine;

/**
 * Usage help that never breaks an example or a URL across lines: picocli wraps the footer at the
 * usage width (80 columns), cutting {@code https://127.0.0.1:8443/rpc} after the colon. Each command
 * gets a width that fits its longest footer line; descriptions still wrap between words.
 */
public final class HelpLayout {
    /** picocli's default width, kept where every line fits. */
    public static final int DEFAULT_WIDTH = 80;

    private HelpLayout() {}

    /** Widens the usage of {@code cl} and all its subcommands where a footer line would wrap. */
    public static CommandLine fit(CommandLine cl) {
        CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        int longest = 0;
        for (String line : usage.footer()) longest = Math.max(longest, line.length());
        usage.width(Math.max(DEFAULT_WIDTH, longest + 1));
        for (CommandLine sub : cl.getSubcommands().values()) fit(sub);
        return cl;
    }
}
