package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sign", description = "Sign a 32-byte digest with a slot's private key; prints R || S as hex",
        footer = {"", "The digest is used as it is (the chip signs a SHA-256 digest); --file hashes a file",
                "with SHA-256 first. Needs both zones locked. Signatures are random: two differ.",
                "", "Examples:", "  atca sign 0 5559b33ff538fc643961be45f9a8549c8babfa796bbafac3329b9b1c5bd48b79",
                "  atca sign 0 --file firmware.bin", "  atca sign 0 --file firmware.bin --json"})
final class AtcaSign implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "a P-256 private key slot",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Parameters(index = "1", arity = "0..1", paramLabel = "HEX", description = "the 32-byte digest") String hex;
    @Option(names = "--digest", paramLabel = "HEX", description = "the 32-byte digest") String digest;
    @Option(names = "--file", paramLabel = "F", description = "sign the SHA-256 of this file") Path file;
    @Option(names = "--json", description = "print {\"slot\", \"digest\", \"signature\"}") boolean json;

    AtcaSign(Session session) { this.session = session; }

    @Override public Integer call() {
        int n = slot.number();
        if (hex != null && digest != null) throw dev.sesh.SeshException.badArg("the digest is given twice", "give it as HEX or --digest HEX");
        Bytes d = DigestInput.of(hex != null ? hex : digest, file);
        Bytes rs = AtcaCli.atca(session).sign(n, d);
        if (AtcaCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", n);
            m.put("digest", d.hex());
            m.put("signature", rs.hex());
            AtcaCli.printJson(session, m);
        } else {
            AtcaCli.result(session, rs.hex());
        }
        return 0;
    }
}
