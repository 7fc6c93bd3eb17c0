package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.atca.KeyWriteResult;
import dev.sesh.shell.Session;
import dev.sesh.x509.KeyImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "set", description = "Write a P-256 private key (PrivWrite) or key data such as a write key into a slot",
        footer = {"", "A private-key slot takes a P-256 key file: PEM (EC PRIVATE KEY, as openssl",
                "ecparam -genkey writes it, or PKCS#8), DER, 64 hex digits or 32 raw bytes. Other",
                "slots take hex (openssl rand -hex 32) or raw bytes, whole 32-byte blocks.",
                "While the data zone is open the key goes in the clear, as mos sends it. After the",
                "data lock a slot whose WriteConfig is Encrypt needs --write-key with the key held",
                "in its write-key slot: with --via i2c sesh computes Nonce, GenDig, MAC and the",
                "encryption here, so the write key never crosses the link; over ATCA.SetKey it does,",
                "and the plan says so. After a PrivWrite the public key is read back and compared.",
                "", "Examples:", "  atca key set 4 slot4.key", "  atca key set 0 ecc.key.pem --write-key slot4.key",
                "  atca key set 0 ecc.key.pem --write-key slot4.key --cert ecc.crt.pem"})
final class AtcaKeySet implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "slot 0-15",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Parameters(index = "1", paramLabel = "FILE", description = "the key file",
            completionCandidates = dev.sesh.shell.complete.LocalFiles.KeyFiles.class) Path file;
    @Option(names = "--write-key", paramLabel = "FILE", description = "the 32-byte key of the slot's write-key slot (hex or raw)",
            completionCandidates = dev.sesh.shell.complete.LocalFiles.KeyFiles.class) Path writeKey;
    @Option(names = "--cert", paramLabel = "FILE", description = "refuse unless the key is the one this certificate was made for") Path cert;
    @Option(names = "--json", description = "print the result as one JSON object") boolean json;

    AtcaKeySet(Session session) { this.session = session; }

    @Override public Integer call() {
        KeyWriteResult r = KeyImport.set(AtcaCli.atca(session), slot.number(), file, Optional.ofNullable(writeKey), Optional.ofNullable(cert));
        if (AtcaCli.json(session, json)) AtcaCli.printJson(session, r);
        else AtcaCli.result(session, r.message());
        return 0;
    }
}
