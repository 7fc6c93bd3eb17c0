package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.PublicKeys;
import dev.sesh.shell.Session;
import dev.sesh.x509.CsrBuilder;
import dev.sesh.x509.Names;
import dev.sesh.x509.Pem;
import dev.sesh.x509.SlotSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "csr", description = "A certificate request for a slot's key, signed by the chip",
        footer = {"", "The request's signature comes from the chip's Sign command: the private key never",
                "leaves the chip. --gen-key first makes a new key in the slot (as mos atca-gen-csr",
                "does; it replaces any key there, so the plan asks). Printed as PEM, or written to OUT.",
                "", "Examples:", "  atca csr 0 --subject /CN=esp8266_0A1B2C", "  atca csr 1 --subject CN=device1,O=ACME --gen-key device1.csr.pem"})
final class AtcaCsr implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "a P-256 private key slot",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "file for the request (PEM)") Path out;
    @Option(names = "--subject", required = true, paramLabel = "DN", description = "/C=IE/O=ACME Ltd/CN=name or CN=name,O=ACME Ltd") String subject;
    @Option(names = "--san", paramLabel = "NAMES", description = "alternative names: DNS:host,IP:127.0.0.1") String san;
    @Option(names = "--gen-key", description = "make a new key in the slot first (GenKey)") boolean genKey;
    @Option(names = "--json", description = "print {\"slot\", \"fingerprint\", \"file\", \"pem\"}") boolean json;

    AtcaCsr(Session session) { this.session = session; }

    @Override public Integer call() {
        if (out != null) session.files().mayReplace(out);
        int n = slot.number();
        var dn = Names.subject(subject);
        var sans = Optional.ofNullable(san).map(Names::subjectAltNames);
        Atecc atecc = AtcaCli.atca(session);
        if (genKey) atecc.keys().genKey(n);
        SlotSigner signer = new SlotSigner(atecc, n);
        PKCS10CertificationRequest csr = CsrBuilder.build(signer, dn, sans);
        String pem = CsrBuilder.pem(csr);
        out().ifPresent(f -> Pem.write(f, pem));
        String fp = PublicKeys.fingerprint(signer.publicKey());
        if (AtcaCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", n);
            m.put("fingerprint", fp);
            m.put("file", out().map(Path::toString).orElse(""));
            m.put("pem", pem);
            AtcaCli.printJson(session, m);
        } else if (out == null) {
            session.out().print(pem);
            session.out().flush();
        } else {
            AtcaCli.result(session, "request for slot " + n + " (public key SHA-256 " + fp + ") written to " + out);
        }
        return 0;
    }

    private Optional<Path> out() { return Optional.ofNullable(out); }
}
