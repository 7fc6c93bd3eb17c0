package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.SeshException;
import dev.sesh.atca.PublicKeys;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import dev.sesh.x509.KeyFiles;
import dev.sesh.x509.P256;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify", description = "Check an ECDSA signature against a slot's public key or a key file",
        footer = {"", "The check runs on this computer with the public key the chip gives for --slot",
                "(GenKey mode 0) or the one in --pub (PUBLIC KEY, CERTIFICATE or a private key file).",
                "The signature is R || S (128 hex digits) or DER. A signature that does not verify",
                "is exit 1.",
                "", "Examples:", "  atca verify --slot 0 --file firmware.bin --sig 5a67...d66f",
                "  atca verify --pub ecc.crt.pem --digest 5559...8b79 --sig 3045...66f"})
final class AtcaVerify implements Callable<Integer> {
    private final Session session;

    static final class KeySource {
        @Option(names = "--slot", paramLabel = "N", description = "the public key of this slot's private key", converter = SlotConverter.class) Slot slot;
        @Option(names = "--pub", paramLabel = "PEM", description = "a public key, certificate or private key file") Path pub;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") KeySource key;
    @Option(names = "--digest", paramLabel = "HEX", description = "the 32-byte digest that was signed") String digest;
    @Option(names = "--file", paramLabel = "F", description = "the file whose SHA-256 was signed") Path file;
    @Option(names = "--sig", required = true, paramLabel = "HEX", description = "the signature: R || S or DER, as hex") String sig;
    @Option(names = "--json", description = "print {\"valid\", \"fingerprint\"}") boolean json;

    AtcaVerify(Session session) { this.session = session; }

    @Override public Integer call() {
        Bytes d = DigestInput.of(digest, file);
        Bytes rs = signature(AtcaCli.hexBytes(List.of(sig), "--sig"));
        String whose;
        Bytes xy;
        if (key.slot != null) {
            int n = key.slot.number();
            xy = AtcaCli.atca(session).publicKey(n);
            whose = "slot " + n + "'s public key";
        } else {
            xy = KeyFiles.readPublic(key.pub);
            whose = "the public key in " + key.pub;
        }
        boolean valid = P256.verify(xy, d, rs);
        String fp = PublicKeys.shortFingerprint(xy);
        if (AtcaCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("valid", valid);
            m.put("fingerprint", PublicKeys.fingerprint(xy));
            AtcaCli.printJson(session, m);
            return valid ? 0 : 1;
        }
        if (!valid) throw SeshException.failed("the signature does not verify with " + whose + " (SHA-256 " + fp + ")", "check the digest, the signature and the key");
        AtcaCli.result(session, "signature valid: " + whose + " (SHA-256 " + fp + ")");
        return 0;
    }

    private static Bytes signature(Bytes given) {
        if (given.length() == 64) return given;
        try {
            return P256.rawSignature(given.toArray());
        } catch (RuntimeException e) {
            throw SeshException.badArg("--sig is neither R || S (64 bytes) nor a DER ECDSA signature", "give the 128 hex digits atca sign prints");
        }
    }
}
