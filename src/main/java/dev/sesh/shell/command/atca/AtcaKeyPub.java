package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "pub", description = "The public key of a slot's private key, as PEM (GenKey mode 0)",
        footer = {"", "Asks the chip to compute the public key; nothing changes. Needs the slot's",
                "PubInfo bit and the config zone locked.",
                "", "Examples:", "  atca key pub 0", "  atca key pub 0 slot0.pub.pem", "  atca key pub 0 --json"})
final class AtcaKeyPub implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "a P-256 private key slot",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "file for the public key (PEM)") Path out;
    @Option(names = "--json", description = "print {\"slot\", \"publicKey\", \"fingerprint\", \"file\"}") boolean json;

    AtcaKeyPub(Session session) { this.session = session; }

    @Override public Integer call() {
        if (out != null) session.files().mayReplace(out);
        int n = slot.number();
        Bytes pub = AtcaCli.atca(session).publicKey(n);
        PublicKeyOutput.print(session, n, pub, Optional.ofNullable(out), AtcaCli.json(session, json));
        return 0;
    }
}
