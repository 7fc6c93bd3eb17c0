package dev.sesh.shell.command.atca;

import dev.sesh.shell.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code atca key}: keys in slots, without ever showing a private key. */
@Command(name = "key", description = "Import, generate and read keys in the chip's slots",
        subcommands = {AtcaKeySet.class, AtcaKeyGen.class, AtcaKeyPub.class},
        footer = {"", "Plans name the key file and its public key fingerprint, never key bytes, and say",
                "whether a secret crosses the serial link. Replacing a key that may be in a slot",
                "is irreversible and asks for a typed phrase.",
                "", "Examples:", "  atca key set 4 slot4.key", "  atca key set 0 ecc.key.pem --write-key slot4.key",
                "  atca key gen 1 slot1.pub.pem", "  atca key pub 0"})
final class AtcaKey implements Callable<Integer> {
    private final Session session;

    @Spec CommandSpec spec;

    AtcaKey(Session session) { this.session = session; }

    @Override public Integer call() {
        session.out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.out().flush();
        return 0;
    }
}
