package dev.sesh.shell.command.aws;

import dev.sesh.SeshException;
import dev.sesh.aws.IotSetup;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code aws-iot setup}: what {@code mos aws-iot-setup --use-atca} does. The workflow is
 * {@link IotSetup}; this command checks the arguments and prints the outcome.
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
    static final String DEFAULT_POLICY = IotSetup.DEFAULT_POLICY;

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
        IotSetup setup = new IotSetup(session.board(), session::atca, session.files(), session.awsTool(), this::note);
        IotSetup.Outcome outcome = setup.run(new IotSetup.Request(n, genKey, policy, Optional.ofNullable(thing), Optional.ofNullable(cert),
                Optional.ofNullable(endpoint), Optional.ofNullable(csrOut)));
        if (json()) {
            print(JsonOut.of(outcome.report()));
        } else if (outcome instanceof IotSetup.Offline off) {
            note("no aws tool with working credentials here; request for slot " + n + " (CN=" + off.cn() + ") written to " + off.csr());
            note("run these where the aws tool works, then finish with the last one here:");
            for (String c : off.commands()) session.out().println(c);
            session.out().flush();
        } else if (outcome instanceof IotSetup.Done done) {
            session.out().println("board set up for AWS IoT: " + done.deviceFile() + " on the board, mqtt.server=" + done.server() + ", mqtt.ssl_key=ATCA:" + n);
            session.out().flush();
        }
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
