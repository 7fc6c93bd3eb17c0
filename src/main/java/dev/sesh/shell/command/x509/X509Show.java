package dev.sesh.shell.command.x509;

import dev.sesh.atca.config.Slot;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import dev.sesh.x509.CertView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "show", description = "Subject, issuer, validity, names and key of a certificate",
        footer = {"", "The fingerprint is the SHA-256 of the certificate's public key (SubjectPublicKeyInfo),",
                "the same one sesh's plans show for key files and slots. --slot N asks the chip for",
                "that slot's public key and says whether the certificate is for it.",
                "", "Examples:", "  x509 show ecc.crt.pem", "  x509 show ecc.crt.pem --slot 0", "  x509 show ecc.crt.pem --json"})
final class X509Show implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FILE", description = "a certificate, PEM or DER") Path file;
    @Option(names = "--slot", paramLabel = "N", description = "compare with this chip slot's public key") Integer slot;
    @Option(names = "--json", description = "print the fields as one JSON object") boolean json;

    X509Show(Session session) { this.session = session; }

    @Override public Integer call() {
        CertView v = CertView.read(file);
        String match = "";
        if (slot != null) {
            Slot.of(slot);
            match = v.matches(session.atca().publicKey(slot)) ? "yes" : "no";
        }
        if (json || session.jsonByDefault()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", v.file());
            m.put("subject", v.subject());
            m.put("issuer", v.issuer());
            m.put("notBefore", v.notBefore().toString());
            m.put("notAfter", v.notAfter().toString());
            m.put("serial", v.serial());
            m.put("subjectAltNames", v.subjectAltNames());
            m.put("key", v.key());
            m.put("fingerprint", v.fingerprint());
            m.put("selfSigned", v.selfSigned());
            if (slot != null) m.put("matchesSlot", match.equals("yes"));
            session.out().print(JsonOut.of(m));
        } else {
            Table t = Table.of("field", "value")
                    .row("subject", v.subject())
                    .row("issuer", v.selfSigned() ? v.issuer() + " (self-signed)" : v.issuer())
                    .row("valid", v.notBefore() + " .. " + v.notAfter() + (v.validAt(Instant.now()) ? "" : " (not valid now)"))
                    .row("serial", v.serial())
                    .row("names", v.subjectAltNames().isEmpty() ? "-" : String.join(", ", v.subjectAltNames()))
                    .row("key", v.key())
                    .row("key SHA-256", v.fingerprint());
            if (slot != null) t.row("slot " + slot, match.equals("yes") ? "matches: the chip holds this certificate's key" : "does NOT match the chip's key");
            session.out().print(t.render());
        }
        session.out().flush();
        return 0;
    }
}
