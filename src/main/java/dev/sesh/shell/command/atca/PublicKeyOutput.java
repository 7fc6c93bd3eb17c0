package dev.sesh.shell.command.atca;

import dev.sesh.atca.PublicKeys;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import dev.sesh.x509.Pem;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How key gen and key pub hand over a public key: PEM on stdout, or a file and one line; or JSON. */
final class PublicKeyOutput {
    private PublicKeyOutput() {}

    static void print(Session session, int slot, Bytes xy, Optional<Path> out, boolean json) {
        out.ifPresent(f -> Pem.write(f, Pem.publicKey(xy)));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", slot);
            m.put("publicKey", xy.hex());
            m.put("fingerprint", PublicKeys.fingerprint(xy));
            m.put("file", out.map(Path::toString).orElse(""));
            AtcaCli.printJson(session, m);
        } else if (out.isPresent()) {
            AtcaCli.result(session, "slot " + slot + " public key SHA-256 " + PublicKeys.fingerprint(xy) + " written to " + out.get());
        } else {
            session.out().print(Pem.publicKey(xy));
            session.out().flush();
        }
    }
}
