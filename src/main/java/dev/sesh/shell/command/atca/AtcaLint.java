package dev.sesh.shell.command.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.config.Finding;
import dev.sesh.atca.config.Lint;
import dev.sesh.atca.config.Severity;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint", description = "Check a config (the chip's, or FILE) for mistakes; exit 1 if any is an error",
        footer = {"", "Each finding: severity, slot or config, the field to change, what is",
                "wrong and the fix. atca config set and atca lock config show the same",
                "findings in their plans; an error makes even a config write ask for the",
                "typed phrase.",
                "", "Examples:", "  atca lint", "  atca lint atca-aws-test.yaml", "  atca lint mine.yaml --json"})
final class AtcaLint implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a config file; default: the chip's zone") String file;
    @Option(names = "--json", description = "print the findings as a JSON array") boolean json;

    AtcaLint(Session session) { this.session = session; }

    @Override public Integer call() {
        List<Finding> findings;
        if (file != null) {
            findings = Lint.run(AtcaCli.readConfig(file));
        } else {
            Atecc atca = AtcaCli.atca(session);
            findings = atca.lint();
        }
        if (AtcaCli.json(session, json)) {
            AtcaCli.printJson(session, findings);
        } else {
            for (Finding f : findings) session.out().println(f.line());
            session.out().flush();
            long e = Lint.count(findings, Severity.ERROR), w = Lint.count(findings, Severity.WARNING), i = Lint.count(findings, Severity.INFO);
            AtcaCli.note(session, findings.isEmpty() ? "no problems" : e + " errors, " + w + " warnings, " + i + " info");
        }
        return Lint.count(findings, Severity.ERROR) > 0 ? SeshException.FAILED : 0;
    }
}
