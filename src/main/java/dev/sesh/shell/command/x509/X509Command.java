package dev.sesh.shell.command.x509;

import dev.sesh.shell.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The {@code x509} group: keys and certificates on this computer (Bouncy Castle). */
@Command(name = "x509", description = "P-256 keys and certificates on this computer",
        subcommands = {X509Keygen.class, X509Selfsign.class, X509Show.class},
        footer = {"", "These commands need no board, except x509 show --slot. For certificates signed",
                "inside the chip see atca csr and atca cert selfsign.",
                "", "Examples:", "  x509 keygen ecc.key.pem",
                "  x509 selfsign ecc.key.pem ecc.crt.pem --subject /C=IE/L=Dublin/O=ACME Ltd/OU=Testing/CN=test.acme.com --days 3650",
                "  x509 show ecc.crt.pem --slot 0"})
public final class X509Command implements Callable<Integer> {
    private final Session session;

    @Spec CommandSpec spec;

    public X509Command(Session session) { this.session = session; }

    @Override public Integer call() {
        session.out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.out().flush();
        return 0;
    }
}
