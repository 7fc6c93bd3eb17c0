package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.ConfigDiff;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.FieldChange;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "diff", description = "Compare the chip's config zone with FILE, field by field",
        footer = {"", "One line per field that differs: \"slot 0 WriteConfig: Always -> Encrypt(6)\".",
                "Only what a config write can change is compared (bytes 16-85, 88-127):",
                "never the serial, revision or lock bytes.",
                "", "Exit code (as diff(1)): 0 the chip matches FILE, 1 they differ, 2 FILE is missing or invalid.",
                "", "Examples:", "  atca config diff atca-aws-test.yaml", "  atca config diff mine.hex --json"})
final class AtcaConfigDiff implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FILE", description = "a config file (.yaml, .json, or hex)",
            completionCandidates = dev.sesh.shell.complete.LocalFiles.ConfigFiles.class) String file;
    @Option(names = "--json", description = "print the differences as a JSON array") boolean json;

    AtcaConfigDiff(Session session) { this.session = session; }

    @Override public Integer call() {
        ConfigZone wanted = AtcaCli.readConfig(file);
        ConfigDiff diff = ConfigDiff.between(AtcaCli.atca(session).config(), wanted);
        if (AtcaCli.json(session, json)) {
            AtcaCli.printJson(session, diff.planned());
            return exitCode(diff);
        }
        for (FieldChange c : diff.planned()) session.out().println(c.line());
        session.out().flush();
        int ignored = diff.notWritable().size();
        AtcaCli.note(session, (diff.planned().isEmpty() ? "no differences" : diff.planned().size() + " differences")
                + (ignored > 0 ? " (" + ignored + " more in bytes a config write cannot change, not compared)" : ""));
        return exitCode(diff);
    }

    /** As diff(1): 1 when a config write would change something, so scripts can test it. */
    private static int exitCode(ConfigDiff diff) { return diff.planned().isEmpty() ? 0 : 1; }
}
