package dev.sesh.shell.command.atca;

import dev.sesh.shell.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code atca cert}: certificates signed by the chip. */
@Command(name = "cert", description = "Certificates signed by a key inside the chip",
        subcommands = {AtcaCertSelfsign.class},
        footer = {"", "Examples:", "  atca cert selfsign 0 ecc.crt.pem --subject /CN=test.acme.com --days 3650"})
final class AtcaCert implements Callable<Integer> {
    private final Session session;

    @Spec CommandSpec spec;

    AtcaCert(Session session) { this.session = session; }

    @Override public Integer call() {
        session.out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.out().flush();
        return 0;
    }
}
