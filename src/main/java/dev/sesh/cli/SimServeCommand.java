package dev.sesh.cli;

import dev.sesh.SeshException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sesh sim serve}: exposes simulated boards on tcp://, ws:// and (through socat) a pty. */
final class SimServeCommand {
    private SimServeCommand() {}

    /** {@code sesh sim}: a group whose one subcommand is serve; anything else is answered with that. */
    @Command(name = "sim", description = "Simulated boards")
    static final class Group implements Callable<Integer>, UsageErrors {
        @Override public Integer call() { throw usageError(""); }

        @Override public SeshException usageError(String picocliMessage) {
            return SeshException.badArg("sim needs a subcommand: serve", "sesh sim serve --listen tcp://127.0.0.1:7777");
        }
    }

    @Command(name = "serve", description = "Serve a simulated board to other tools (tcp://, ws://, or a pty via socat)",
            footer = {"", "The simulator has no authentication: it binds loopback unless --allow-remote is given.",
                    "", "Examples:",
                    "  sesh sim serve --listen tcp://127.0.0.1:7777",
                    "  sesh sim serve --listen ws://127.0.0.1:8080/rpc --path ./lab/board1   (the board's HTTP port: ws:// and http:// at /rpc)",
                    "  sesh sim serve --listen tcp://127.0.0.1:7777 --pty /tmp/ttySIM   (needs socat)",
                    "  sesh sim serve --listen tcp://127.0.0.1:7777 --boards 3   (ports 7777, 7778, 7779)",
                    "  sesh sim serve --path ./lab/board1 --https-port 8443   (then --port https://127.0.0.1:8443/rpc --ca ecc.crt.pem)"})
    static final class Options implements Callable<Integer>, UsageErrors {
        private final PrintStream err;

        /** {@code errOrNull}: where the server reports; null in the model completion and docs are made from. */
        Options(PrintStream errOrNull) { this.err = errOrNull; }

        @Option(names = "--listen", paramLabel = "URL", description = "tcp://HOST:PORT (the board's UART) or ws://127.0.0.1:PORT/rpc (the board's HTTP port, WebSocket and HTTP RPC); repeatable; default tcp://127.0.0.1:7777")
        List<String> listen = new ArrayList<>();

        @Option(names = "--pty", paramLabel = "LINK", description = "also make the board appear as serial device LINK (runs socat)")
        String pty;

        @Option(names = "--path", paramLabel = "DIR", description = "keep the board's state in DIR (like --port sim:DIR)")
        String path;

        @Option(names = "--chip", paramLabel = "508a|608a", defaultValue = "508a", description = "chip variant (default ${DEFAULT-VALUE})")
        String chip;

        @Option(names = "--faults", paramLabel = "SPEC", description = "inject faults (see docs/simulator.md)")
        String faults;

        @Option(names = "--seed", paramLabel = "N", description = "seed for the board's identity and random faults; given, it also pins the chip's random numbers")
        Long seed;

        @Option(names = "--baud", paramLabel = "N", description = "model a UART at N baud (bytes paced at N/10 per second)")
        Integer baud;

        @Option(names = "--https-port", paramLabel = "N", description = "host port for the board's HTTPS listener (device port 443 with http.ssl_cert set); default any free port, shown in the device log")
        Integer httpsPort;

        @Option(names = "--boards", paramLabel = "N", defaultValue = "1", description = "serve N distinct boards on consecutive ports")
        int boards;

        @Option(names = "--allow-remote", description = "allow binding a non-loopback address")
        boolean allowRemote;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;

        @Override public Integer call() { return new SimServer(this, err).serve(); }

        @Override public SeshException usageError(String picocliMessage) {
            return SeshException.badArg(picocliMessage, "sesh sim serve --help shows the options");
        }
    }
}
