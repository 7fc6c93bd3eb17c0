package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.atca.GeneratedKey;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "gen", description = "Make a new P-256 private key inside a slot (GenKey); print or save its public key",
        footer = {"", "The private key is made by the chip and never leaves it. A key already in the",
                "slot is gone forever: when one may be there, the plan asks for a typed phrase.",
                "The public key is printed as PEM, or written to PUB_OUT.",
                "", "Examples:", "  atca key gen 1", "  atca key gen 0 slot0.pub.pem"})
final class AtcaKeyGen implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "a P-256 private key slot",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Parameters(index = "1", arity = "0..1", paramLabel = "PUB_OUT", description = "file for the public key (PEM)") Path out;
    @Option(names = "--json", description = "print {\"slot\", \"publicKey\", \"fingerprint\", \"file\"}") boolean json;

    AtcaKeyGen(Session session) { this.session = session; }

    @Override public Integer call() {
        if (out != null) session.files().mayReplace(out);
        int n = slot.number();
        GeneratedKey made = AtcaCli.atca(session).keys().generate(n);
        AtcaCli.note(session, made.message());
        PublicKeyOutput.print(session, n, made.publicKey(), Optional.ofNullable(out), AtcaCli.json(session, json));
        return 0;
    }
}
