package dev.sesh.shell.command.atca;

import dev.sesh.shell.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code atca config}: the chip's 128-byte config zone, in mos-compatible files. */
@Command(name = "config", description = "Show, save, compare and write the chip's config zone",
        subcommands = {AtcaConfigShow.class, AtcaConfigGet.class, AtcaConfigDiff.class, AtcaConfigSet.class},
        footer = {"", "Files are mos-compatible: .yaml/.yml is mos's YAML, .json its JSON, anything else hex.",
                "", "Examples:", "  atca config show", "  atca config show --format yaml",
                "  atca config get backup.yaml", "  atca config diff atca-aws-test.yaml", "  atca config set atca-aws-test.yaml"})
final class AtcaConfigCommand implements Callable<Integer> {
    private final Session session;

    @Spec CommandSpec spec;

    AtcaConfigCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        session.out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.out().flush();
        return 0;
    }
}
