package dev.sesh.shell.command.x509;

import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.x509.KeyGen;
import dev.sesh.x509.PrivateKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "keygen", description = "Make a new P-256 private key file (as openssl ecparam -genkey writes it)",
        footer = {"", "Writes EC PARAMETERS + EC PRIVATE KEY PEM with mode 0600 and never replaces an",
                "existing file. Prints the public key's SHA-256 fingerprint, never the key.",
                "", "Examples:", "  x509 keygen ecc.key.pem"})
final class X509Keygen implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "OUT", description = "the new key file") Path out;
    @Option(names = "--json", description = "print {\"file\", \"fingerprint\"}") boolean json;

    X509Keygen(Session session) { this.session = session; }

    @Override public Integer call() {
        PrivateKeyFile k = KeyGen.generate(out, new SecureRandom());
        if (json || session.jsonByDefault()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", out.toString());
            m.put("fingerprint", k.fingerprint());
            session.out().print(JsonOut.of(m));
        } else {
            session.out().println("wrote " + out + ": P-256 private key, public key SHA-256 " + k.fingerprint());
        }
        session.out().flush();
        return 0;
    }
}
