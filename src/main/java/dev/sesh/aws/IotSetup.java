package dev.sesh.aws;

import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.ChipStatusException;
import dev.sesh.atca.PublicKeys;
import dev.sesh.atca.config.LockState;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.Board;
import dev.sesh.device.DeviceConfig;
import dev.sesh.plan.LocalFileGuard;
import dev.sesh.x509.CertView;
import dev.sesh.x509.CsrBuilder;
import dev.sesh.x509.Names;
import dev.sesh.x509.P256;
import dev.sesh.x509.Pem;
import dev.sesh.x509.SlotSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@code mos aws-iot-setup --use-atca} does (mos-rpc.md 5.2), with every board and chip change
 * through the gate: the key stays in chip slot N; the board's TLS key is the string {@code ATCA:N}.
 * The cloud side goes through the {@link AwsTool} port; without a tool that has working credentials
 * the exact aws commands are returned, to run elsewhere.
 */
public final class IotSetup {
    /** The CA file the firmware ships (mos sets mqtt.ssl_ca_cert to it). */
    static final String CA_FILE = "ca.pem";
    static final String CIPHER_SUITES = "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256:TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256:TLS-RSA-WITH-AES-128-GCM-SHA256";
    public static final String DEFAULT_POLICY = "mos-default";
    static final int MQTT_TLS_PORT = 8883;

    /**
     * One setup: the key slot (0-7, checked by the caller), whether to make a new key, the policy,
     * the thing name (default: device.id), and either where the request goes or the certificate and
     * endpoint that finish it (both or neither, checked by the caller).
     */
    public record Request(int slot, boolean genKey, String policy, Optional<String> thing, Optional<Path> cert,
                          Optional<String> endpoint, Optional<Path> csrOut) {}

    /** How a setup ended: {@code report} holds slot, cn, csr, certificate, deviceFile, server, commands as they apply. */
    public sealed interface Outcome {
        Map<String, Object> report();
    }

    /** No aws tool with working credentials: the request is written; {@code commands} finish it elsewhere. */
    public record Offline(Map<String, Object> report, String cn, Path csr, List<String> commands) implements Outcome {}

    /** The board is set up: {@code deviceFile} on it, mqtt.* set. */
    public record Done(Map<String, Object> report, String deviceFile, String server) implements Outcome {}

    private final Board board;
    private final Supplier<Atecc> atca;
    private Atecc atecc;
    private final LocalFileGuard files;
    private final Supplier<Optional<AwsTool>> aws;
    private final Consumer<String> notes;

    /**
     * {@code atca}: the board's chip, asked for once the chip is enabled; {@code aws}: the tool, looked
     * up only when a request is to be signed; {@code notes}: progress lines for the user.
     */
    public IotSetup(Board board, Supplier<Atecc> atca, LocalFileGuard files, Supplier<Optional<AwsTool>> aws, Consumer<String> notes) {
        this.board = board;
        this.atca = atca;
        this.files = files;
        this.aws = aws;
        this.notes = notes;
    }

    public Outcome run(Request r) {
        int n = r.slot();
        enableChip(board.config());
        atecc = atca.get();
        LockState locks = atecc.locks();
        if (!locks.configLocked() || !locks.dataLocked()) {
            throw SeshException.failed("the chip's config zone is " + LockState.words(locks.configLocked()) + " and its data zone "
                    + LockState.words(locks.dataLocked()) + "; AWS IoT setup needs both locked",
                    "configure and lock the chip first: atca config set FILE, atca lock config, atca lock data (docs/provisioning.md)");
        }
        Bytes pub = r.genKey() ? atecc.keys().genKey(n) : existingKey(n);
        String cn = r.thing().orElseGet(() -> String.valueOf(board.config().get("device.id")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("slot", n);
        report.put("cn", cn);
        Path certFile = r.cert().orElse(null);
        String host = r.endpoint().orElse(null);
        if (certFile == null) {
            Path csr = r.csrOut().orElse(Path.of("aws-" + cn + ".csr.pem"));
            writeCsr(n, pub, cn, csr);
            report.put("csr", csr.toString());
            Path certOut = sibling(csr, "aws-" + cn + ".crt.pem");
            Optional<AwsTool> tool = aws.get().filter(AwsTool::credentialsWork);
            if (tool.isEmpty()) {
                List<String> commands = offlineCommands(r, csr, certOut);
                report.put("commands", commands);
                return new Offline(report, cn, csr, commands);
            }
            host = online(tool.get(), r.policy(), csr, certOut);
            certFile = certOut;
        }
        return finish(n, pub, cn, r.thing(), certFile, host, report);
    }

    /** mos's first step: I2C and the ATCA lib on, saved, board rebooted (one gated config set). */
    private void enableChip(DeviceConfig config) {
        Map<String, Object> want = new TreeMap<>();
        if (!Boolean.TRUE.equals(config.get("i2c.enable"))) {
            notes.accept("Enabling I2C...");
            want.put("i2c.enable", true);
        }
        if (!Boolean.TRUE.equals(config.get("sys.atca.enable"))) {
            notes.accept("Enabling ATCA...");
            want.put("sys.atca.enable", true);
        }
        if (!want.isEmpty()) config.set(want, true);
    }

    private Bytes existingKey(int n) {
        try {
            return atecc.publicKey(n);
        } catch (ChipStatusException e) {
            throw SeshException.failed("slot " + n + " holds no key the chip can give the public key of", "add --gen-key to make one in the slot");
        }
    }

    private void writeCsr(int n, Bytes pub, String cn, Path file) {
        PKCS10CertificationRequest csr = CsrBuilder.build(new SlotSigner(atecc, n), Names.subject("CN=" + cn), Optional.empty());
        if (!P256.spki(pub).equals(csr.getSubjectPublicKeyInfo())) {
            throw SeshException.failed("the request's public key is not slot " + n + "'s", "run aws-iot setup again; if it repeats, check atca key pub " + n);
        }
        files.mayReplace(file);
        Pem.write(file, CsrBuilder.pem(csr));
    }

    private static List<String> offlineCommands(Request r, Path csr, Path certOut) {
        return List.of(
                "aws iot create-certificate-from-csr --certificate-signing-request file://" + quote(csr.toString())
                        + " --set-as-active --certificate-pem-outfile " + quote(certOut.toString()) + " --query certificateArn --output text",
                "aws iot attach-policy --policy-name " + quote(r.policy()) + " --target CERTIFICATE_ARN_PRINTED_ABOVE",
                "aws iot describe-endpoint --endpoint-type iot:Data-ATS --query endpointAddress --output text",
                "sesh aws-iot setup --slot " + r.slot() + r.thing().map(t -> " --thing " + quote(t)).orElse("")
                        + " --cert " + quote(certOut.toString()) + " --endpoint ENDPOINT_PRINTED_ABOVE");
    }

    /** AWS IoT signs the request, the policy is attached; returns the data endpoint. */
    private String online(AwsTool aws, String policy, Path csr, Path certOut) {
        notes.accept("asking AWS IoT for a certificate (aws iot create-certificate-from-csr)...");
        String arn = aws.mustPrint(List.of("iot", "create-certificate-from-csr", "--certificate-signing-request", "file://" + csr,
                "--set-as-active", "--certificate-pem-outfile", certOut.toString(), "--query", "certificateArn", "--output", "text"));
        notes.accept("certificate " + arn + " written to " + certOut);
        aws.must(List.of("iot", "attach-policy", "--policy-name", policy, "--target", arn));
        notes.accept("policy " + policy + " attached");
        return aws.mustPrint(List.of("iot", "describe-endpoint", "--endpoint-type", "iot:Data-ATS", "--query", "endpointAddress", "--output", "text"));
    }

    /** The device side: certificate checked against the slot, put on the board, mqtt.* set (each gated). */
    private Done finish(int n, Bytes pub, String cn, Optional<String> thing, Path certFile, String host, Map<String, Object> report) {
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
        conf.put("aws.thing_name", thing.orElse(""));
        board.config().set(conf, true);
        report.put("certificate", certFile.toString());
        report.put("deviceFile", deviceFile);
        report.put("server", server);
        return new Done(report, deviceFile, server);
    }

    private static Path sibling(Path file, String name) {
        Path dir = file.getParent();
        return dir == null ? Path.of(name) : dir.resolve(name);
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
