package dev.sesh.shell.command.atca;

import dev.sesh.atca.ConfigWriteResult;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "set", description = "Write FILE into the chip's config zone (plan: the field diff), then read back",
        footer = {"", "Reversible until the config zone is locked; refused once it is. Only",
                "bytes 16-83 and 88-127 are written (UserExtra/Selector by UpdateExtra);",
                "serial, revision and lock bytes in the file are ignored.",
                "", "Examples:", "  atca config set atca-aws-test.yaml"})
final class AtcaConfigSet implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FILE", description = "a config file (.yaml, .json, or hex)",
            completionCandidates = dev.sesh.shell.complete.LocalFiles.ConfigFiles.class) String file;
    @Option(names = "--json", description = "print {\"fields\", \"matches\", \"mismatches\"}") boolean json;

    AtcaConfigSet(Session session) { this.session = session; }

    @Override public Integer call() {
        ConfigZone wanted = AtcaCli.readConfig(file);
        ConfigWriteResult r = AtcaCli.atca(session).setConfig(wanted);
        if (AtcaCli.json(session, json)) AtcaCli.printJson(session, r);
        else AtcaCli.result(session, r.message());
        return r.matches() ? 0 : dev.sesh.SeshException.FAILED;
    }
}
