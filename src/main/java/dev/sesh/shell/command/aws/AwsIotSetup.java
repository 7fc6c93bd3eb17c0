package dev.sesh.shell.command.aws;

import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.ChipStatusException;
import dev.sesh.atca.PublicKeys;
import dev.sesh.atca.config.LockState;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.Board;
import dev.sesh.device.DeviceConfig;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.x509.CertView;
import dev.sesh.x509.CsrBuilder;
import dev.sesh.x509.Names;
import dev.sesh.x509.P256;
import dev.sesh.x509.Pem;
import dev.sesh.x509.SlotSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code aws-iot setup}: what {@code mos aws-iot-setup --use-atca} does (mos-rpc.md 5.2), with every
 * board and chip change through the gate. The key stays in chip slot N; the board's TLS key is the
 * string {@code ATCA:N}.
 */
@Command(name = "setup", description = "Set the board up for AWS IoT with its private key inside the chip",
        footer = {"", "1. turns on i2c.enable and sys.atca.enable if needed (config set + reboot);",
                "2. the chip's config and data zones must be locked (atca lock, docs/provisioning.md);",
                "3. --gen-key makes a new key in the slot (replaces any key there), else the slot's key is used;",
                "4. a request (CSR, CN = device.id or --thing) signed by the chip is written to --csr-out;",
                "5. with the aws tool and working credentials, AWS IoT signs it, the policy is attached and",
                "   the endpoint looked up; without them the exact aws commands are printed, to run elsewhere;",
                "6. with --cert FILE --endpoint HOST: the certificate (its key must be the slot's) is put on",
                "   the board as aws-CN.crt.pem and mqtt.* / aws.thing_name are set (config set + reboot).",
                "", "Examples:", "  aws-iot setup --slot 0 --gen-key --policy mos-default",
                "  aws-iot setup --slot 0 --cert aws-esp8266_0A1B2C.crt.pem --endpoint abc123-ats.iot.eu-west-1.amazonaws.com"})
final class AwsIotSetup implements Callable<Integer> {
    /** The CA file the firmware ships (mos sets mqtt.ssl_ca_cert to it). */
    static final String CA_FILE = "ca.pem";
    static final String CIPHER_SUITES = "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256:TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256:TLS-RSA-WITH-AES-128-GCM-SHA256";
    static final String DEFAULT_POLICY = "mos-default";
    static final int MQTT_TLS_PORT = 8883;

    private final Session session;
    @Option(names = "--slot", required = true, paramLabel = "N", description = "the chip slot of the key, 0-7",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class) String slot;
    @Option(names = "--gen-key", description = "make a new key in the slot first (GenKey; replaces any key there)") boolean genKey;
    @Option(names = "--policy", paramLabel = "NAME", description = "AWS IoT policy to attach (default: ${DEFAULT-VALUE})", defaultValue = DEFAULT_POLICY) String policy;
    @Option(names = "--thing", paramLabel = "NAME", description = "thing name: the certificate's CN and aws.thing_name (default CN: device.id)") String thing;
    @Option(names = "--cert", paramLabel = "FILE", description = "the certificate AWS IoT returned for the request (PEM)") Path cert;
    @Option(names = "--endpoint", paramLabel = "HOST", description = "the account's AWS IoT data endpoint (aws iot describe-endpoint)") String endpoint;
    @Option(names = "--csr-out", paramLabel = "FILE", description = "where the request goes (default: aws-CN.csr.pem here)") Path csrOut;
    @Option(names = "--json", description = "print {\"slot\", \"cn\", \"csr\", \"certificate\", \"deviceFile\", \"server\", \"commands\"}") boolean json;

    AwsIotSetup(Session session) { this.session = session; }

    @Override public Integer call() {
        int n = slotNumber(slot);
        if ((cert == null) != (endpoint == null)) {
            throw SeshException.badArg("--cert and --endpoint go together", "give both: --cert FILE --endpoint HOST (aws iot describe-endpoint --endpoint-type iot:Data-ATS)");
        }
        if (cert != null && genKey) {
            throw SeshException.badArg("--gen-key with --cert would replace the key the certificate is for", "leave out --gen-key when finishing with --cert");
        }
        Board board = session.board();
        enableChip(board.config());
        Atecc atecc = session.atca();
        LockState locks = atecc.locks();
        if (!locks.configLocked() || !locks.dataLocked()) {
            throw SeshException.failed("the chip's config zone is " + LockState.words(locks.configLocked()) + " and its data zone "
                    + LockState.words(locks.dataLocked()) + "; AWS IoT setup needs both locked",
                    "configure and lock the chip first: atca config set FILE, atca lock config, atca lock data (docs/provisioning.md)");
        }
        Bytes pub = genKey ? atecc.keys().genKey(n) : existingKey(atecc, n);
        String cn = thing != null ? thing : String.valueOf(board.config().get("device.id"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("slot", n);
        report.put("cn", cn);
        Path certFile = cert;
        String host = endpoint;
        if (certFile == null) {
            Path csr = csrOut != null ? csrOut : Path.of("aws-" + cn + ".csr.pem");
            writeCsr(atecc, n, pub, cn, csr);
            report.put("csr", csr.toString());
            Path certOut = sibling(csr, "aws-" + cn + ".crt.pem");
            Optional<AwsCli> aws = AwsCli.find().filter(AwsCli::credentialsWork);
            if (aws.isEmpty()) {
                List<String> commands = offlineCommands(csr, certOut, n);
                report.put("commands", commands);
                if (json()) {
                    print(JsonOut.of(report));
                } else {
                    note("no aws tool with working credentials here; request for slot " + n + " (CN=" + cn + ") written to " + csr);
                    note("run these where the aws tool works, then finish with the last one here:");
                    for (String c : commands) session.out().println(c);
                    session.out().flush();
                }
                return 0;
            }
            host = online(aws.get(), csr, certOut);
            certFile = certOut;
        }
        finish(board, n, pub, cn, certFile, host, report);
        return 0;
    }

    private static int slotNumber(String text) {
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw SeshException.badArg("slot '" + text + "' is not a number", "AWS IoT setup takes a key slot 0-7");
        }
        if (n < 0 || n > 7) throw SeshException.badArg("slot " + n + " cannot hold the AWS IoT key", "use a P-256 key slot 0-7 (as mos aws-iot-setup does)");
        return n;
    }

    /** mos's first step: I2C and the ATCA lib on, saved, board rebooted (one gated config set). */
    private void enableChip(DeviceConfig config) {
        Map<String, Object> want = new TreeMap<>();
        if (!Boolean.TRUE.equals(config.get("i2c.enable"))) {
            note("Enabling I2C...");
            want.put("i2c.enable", true);
        }
        if (!Boolean.TRUE.equals(config.get("sys.atca.enable"))) {
            note("Enabling ATCA...");
            want.put("sys.atca.enable", true);
        }
        if (!want.isEmpty()) config.set(want, true);
    }

    private static Bytes existingKey(Atecc atecc, int n) {
        try {
            return atecc.publicKey(n);
        } catch (ChipStatusException e) {
            throw SeshException.failed("slot " + n + " holds no key the chip can give the public key of", "add --gen-key to make one in the slot");
        }
    }

    private void writeCsr(Atecc atecc, int n, Bytes pub, String cn, Path file) {
        PKCS10CertificationRequest csr = CsrBuilder.build(new SlotSigner(atecc, n), Names.subject("CN=" + cn), Optional.empty());
        if (!P256.spki(pub).equals(csr.getSubjectPublicKeyInfo())) {
            throw SeshException.failed("the request's public key is not slot " + n + "'s", "run aws-iot setup again; if it repeats, check atca key pub " + n);
        }
        session.files().mayReplace(file);
        Pem.write(file, CsrBuilder.pem(csr));
    }

    private List<String> offlineCommands(Path csr, Path certOut, int n) {
        return List.of(
                "aws iot create-certificate-from-csr --certificate-signing-request file://" + quote(csr.toString())
                        + " --set-as-active --certificate-pem-outfile " + quote(certOut.toString()) + " --query certificateArn --output text",
                "aws iot attach-policy --policy-name " + quote(policy) + " --target CERTIFICATE_ARN_PRINTED_ABOVE",
                "aws iot describe-endpoint --endpoint-type iot:Data-ATS --query endpointAddress --output text",
                "sesh aws-iot setup --slot " + n + (thing != null ? " --thing " + quote(thing) : "")
                        + " --cert " + quote(certOut.toString()) + " --endpoint ENDPOINT_PRINTED_ABOVE");
    }

    /** AWS IoT signs the request, the policy is attached; returns the data endpoint. */
    private String online(AwsCli aws, Path csr, Path certOut) {
        note("asking AWS IoT for a certificate (aws iot create-certificate-from-csr)...");
        String arn = aws.must(List.of("iot", "create-certificate-from-csr", "--certificate-signing-request", "file://" + csr,
                "--set-as-active", "--certificate-pem-outfile", certOut.toString(), "--query", "certificateArn", "--output", "text"));
        note("certificate " + arn + " written to " + certOut);
        aws.must(List.of("iot", "attach-policy", "--policy-name", policy, "--target", arn));
        note("policy " + policy + " attached");
        return aws.must(List.of("iot", "describe-endpoint", "--endpoint-type", "iot:Data-ATS", "--query", "endpointAddress", "--output", "text"));
    }

    /** The device side: certificate checked against the slot, put on the board, mqtt.* set (each gated). */
    private void finish(Board board, int n, Bytes pub, String cn, Path certFile, String host, Map<String, Object> report) {
        CertView view = CertView.read(certFile);
        if (!view.matches(pub)) {
            throw SeshException.badArg(certFile + "'s public key (SHA-256 " + view.fingerprint().substring(0, 16) + "...) is not slot " + n
                    + "'s (" + PublicKeys.shortFingerprint(pub) + ")", "give the certificate AWS IoT returned for this slot's request");
        }
        if (host.isBlank() || host.contains(":") || host.contains("/")) {
            throw SeshException.badArg("endpoint '" + host + "' is not a host name", "give the host only, e.g. abc123-ats.iot.eu-west-1.amazonaws.com");
        }
        byte[] data;
        try {
            data = Files.readAllBytes(certFile);
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + certFile, "check the file's permissions");
        }
        String deviceFile = "aws-" + (cn.length() > 16 ? cn.substring(0, 16) : cn) + ".crt.pem";
        board.fs().put(deviceFile, data, true);
        String server = host + ":" + MQTT_TLS_PORT;
        Map<String, Object> conf = new TreeMap<>();
        conf.put("mqtt.enable", true);
        conf.put("mqtt.server", server);
        conf.put("mqtt.ssl_cert", deviceFile);
        conf.put("mqtt.ssl_key", "ATCA:" + n);
        conf.put("mqtt.ssl_ca_cert", CA_FILE);
        conf.put("mqtt.ssl_cipher_suites", CIPHER_SUITES);
        conf.put("aws.thing_name", thing != null ? thing : "");
        board.config().set(conf, true);
        report.put("certificate", certFile.toString());
        report.put("deviceFile", deviceFile);
        report.put("server", server);
        if (json()) {
            print(JsonOut.of(report));
        } else {
            session.out().println("board set up for AWS IoT: " + deviceFile + " on the board, mqtt.server=" + server + ", mqtt.ssl_key=ATCA:" + n);
            session.out().flush();
        }
    }

    private static Path sibling(Path file, String name) {
        Path dir = file.getParent();
        return dir == null ? Path.of(name) : dir.resolve(name);
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private boolean json() { return json || session.jsonByDefault(); }

    private void print(String text) {
        session.out().print(text);
        session.out().flush();
    }

    private void note(String line) {
        session.err().println(line);
        session.err().flush();
    }
}
