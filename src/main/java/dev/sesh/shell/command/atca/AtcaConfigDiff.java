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
                "Fields a config write cannot change (serial, revision, lock bytes) are marked.",
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
            AtcaCli.printJson(session, diff.all());
            return 0;
        }
        for (FieldChange c : diff.all()) session.out().println(c.line());
        session.out().flush();
        AtcaCli.note(session, diff.isEmpty() ? "no differences" : diff.all().size() + " differences, " + diff.planned().size() + " of them writable");
        return 0;
    }
}
