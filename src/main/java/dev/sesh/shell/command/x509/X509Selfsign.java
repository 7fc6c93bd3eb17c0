package dev.sesh.shell.command.x509;

import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.x509.FileKeySigner;
import dev.sesh.x509.KeyFiles;
import dev.sesh.x509.Names;
import dev.sesh.x509.Pem;
import dev.sesh.x509.PrivateKeyFile;
import dev.sesh.x509.SelfSigned;
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

@Command(name = "selfsign", description = "A self-signed certificate for a key file",
        footer = {"", "KEY is any key file sesh reads (PEM, DER, hex). The certificate is v3,",
                "ecdsa-with-SHA256, valid from now for --days; --san adds alternative names so a",
                "client can check the board's address (e.g. IP:127.0.0.1 for the simulated board).",
                "", "Examples:",
                "  x509 selfsign ecc.key.pem ecc.crt.pem --subject /C=IE/L=Dublin/O=ACME Ltd/OU=Testing/CN=test.acme.com --days 3650",
                "  x509 selfsign ecc.key.pem ecc.crt.pem --subject CN=localhost --days 365 --san DNS:localhost,IP:127.0.0.1"})
final class X509Selfsign implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "KEY", description = "the private key file") Path key;
    @Parameters(index = "1", paramLabel = "OUT", description = "file for the certificate (PEM)") Path out;
    @Option(names = "--subject", required = true, paramLabel = "DN", description = "/C=IE/O=ACME Ltd/CN=name or CN=name,O=ACME Ltd") String subject;
    @Option(names = "--days", required = true, paramLabel = "N", description = "validity in days from now") int days;
    @Option(names = "--san", paramLabel = "NAMES", description = "alternative names: DNS:host,IP:127.0.0.1") String san;
    @Option(names = "--json", description = "print {\"file\", \"subject\", \"notAfter\", \"fingerprint\"}") boolean json;

    X509Selfsign(Session session) { this.session = session; }

    @Override public Integer call() throws IOException {
        session.files().mayReplace(out);
        var dn = Names.subject(subject);
        var sans = Optional.ofNullable(san).map(Names::subjectAltNames);
        PrivateKeyFile k = KeyFiles.readPrivate(key);
        X509CertificateHolder cert = SelfSigned.build(new FileKeySigner(k), dn, days, sans, Instant.now());
        Pem.write(out, Pem.of("CERTIFICATE", cert.getEncoded()));
        if (json || session.jsonByDefault()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", out.toString());
            m.put("subject", cert.getSubject().toString());
            m.put("notAfter", cert.getNotAfter().toInstant().toString());
            m.put("fingerprint", k.fingerprint());
            session.out().print(JsonOut.of(m));
        } else {
            session.out().println("wrote " + out + ": " + cert.getSubject() + ", " + days + " days, public key SHA-256 " + k.fingerprint());
        }
        session.out().flush();
        return 0;
    }
}
