package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.atca.PublicKeys;
import dev.sesh.shell.Session;
import dev.sesh.x509.Names;
import dev.sesh.x509.Pem;
import dev.sesh.x509.SelfSigned;
import dev.sesh.x509.SlotSigner;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "selfsign", description = "A self-signed certificate for a slot's key, signed by the chip",
        footer = {"", "The certificate's signature comes from the chip's Sign command, so the private",
                "key never leaves the chip; the result is checked against the slot's public key.",
                "Use it for http.ssl_cert with http.ssl_key=ATCA:N. Needs both zones locked.",
                "", "Examples:", "  atca cert selfsign 0 ecc.crt.pem --subject /CN=test.acme.com --days 3650",
                "  atca cert selfsign 0 local.crt.pem --subject CN=localhost --days 30 --san DNS:localhost,IP:127.0.0.1"})
final class AtcaCertSelfsign implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "a P-256 private key slot",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Parameters(index = "1", paramLabel = "OUT", description = "file for the certificate (PEM)") Path out;
    @Option(names = "--subject", required = true, paramLabel = "DN", description = "/C=IE/O=ACME Ltd/CN=name or CN=name,O=ACME Ltd") String subject;
    @Option(names = "--days", required = true, paramLabel = "N", description = "validity in days from now") int days;
    @Option(names = "--san", paramLabel = "NAMES", description = "alternative names: DNS:host,IP:127.0.0.1") String san;
    @Option(names = "--json", description = "print {\"slot\", \"file\", \"subject\", \"notAfter\", \"fingerprint\"}") boolean json;

    AtcaCertSelfsign(Session session) { this.session = session; }

    @Override public Integer call() throws IOException {
        session.files().mayReplace(out);
        int n = slot.number();
        var dn = Names.subject(subject);
        var sans = Optional.ofNullable(san).map(Names::subjectAltNames);
        SlotSigner signer = new SlotSigner(AtcaCli.atca(session), n);
        X509CertificateHolder cert = SelfSigned.build(signer, dn, days, sans, Instant.now());
        Pem.write(out, Pem.of("CERTIFICATE", cert.getEncoded()));
        String fp = PublicKeys.fingerprint(signer.publicKey());
        if (AtcaCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", n);
            m.put("file", out.toString());
            m.put("subject", cert.getSubject().toString());
            m.put("notAfter", cert.getNotAfter().toInstant().toString());
            m.put("fingerprint", fp);
            AtcaCli.printJson(session, m);
        } else {
            AtcaCli.result(session, "certificate for slot " + n + " (public key SHA-256 " + fp + ") written to " + out);
        }
        return 0;
    }
}
