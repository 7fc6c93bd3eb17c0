package dev.sesh.cli;

import dev.sesh.shell.HelpLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level command line (design.md 5.15): {@code sesh [OPTIONS]} opens the console;
 * {@code sesh [OPTIONS] COMMAND ARGS..} runs one console command (same as {@code -c});
 * {@code sesh sim serve ...}, {@code sesh completion bash|zsh}, {@code sesh --version}.
 */
@Command(name = "sesh", versionProvider = SeshCli.Version.class, sortOptions = false,
        description = {"Interactive shell for ATECC508A/608A provisioning and board debugging on Mongoose OS boards.", ""},
        footer = {"", "Examples:",
                "  sesh                                  console; no board found -> the built-in simulated board",
                "  sesh --port /dev/ttyUSB0              console on a serial board",
                "  sesh --port sim: -c info              one command on a fresh simulated board",
                "  sesh --port sim: call Sys.GetInfo     the same, command given as arguments",
                "  sesh sim serve --listen tcp://127.0.0.1:7777",
                "  sesh completion bash > /etc/bash_completion.d/sesh",
                "", "Exit codes: 0 ok, 1 the board or chip failed, 2 bad command line or input, 3 change declined, 4 board unreachable."})
public final class SeshCli {
    public static final String VERSION = "0.1.0";

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "serial device, tcp://HOST:PORT, ws://HOST/rpc, https://HOST:PORT/rpc, sim: or sim:PATH (default: $SESH_PORT, else auto-detect)")
    String port;

    @Option(names = "--ca", paramLabel = "FILE", description = "trust the certificate(s) in this PEM file for https:// ports (e.g. the board's ecc.crt.pem)")
    java.nio.file.Path ca;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "serial baud rate (default ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--via", paramLabel = "rpc|i2c", description = "ATECC back end: the board's ATCA.* service or the host driver over I2C")
    String via;

    @Option(names = "--json", description = "print results as JSON")
    boolean json;

    @Option(names = "--yes", description = "approve reversible changes without asking (plans are still printed)")
    boolean yes;

    @Option(names = "--yes-irreversible", description = "also approve irreversible changes such as zone locks (implies --yes)")
    boolean yesIrreversible;

    @Option(names = "--force", description = "replace existing output files without asking (never a file holding a private key)")
    boolean force;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "override the per-call timeout table")
    Double timeoutSeconds;

    @Option(names = "--debug", description = "stack traces, and a wire trace with secrets redacted")
    boolean debug;

    @Option(names = "--trace", description = "decoded wire trace on stderr: one line per RPC frame, ATECC packets decoded, secrets as lengths")
    boolean trace;

    @Option(names = "-c", paramLabel = "COMMAND", description = "run one console command and exit with its code")
    String command;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version")
    boolean version;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "a console command and its arguments, run once")
    List<String> rest = new ArrayList<>();

    /**
     * sesh's command line as one picocli model: these options, then {@code leading} (the console's
     * commands, where the model also makes completion scripts and docs/commands.md), then
     * {@code sim serve} and {@code completion}. {@code out} and {@code err} are where those two write
     * (null in a model that is never run).
     */
    static CommandLine commandLine(SeshCli options, List<CommandLine> leading, PrintStream out, PrintStream err) {
        CommandLine top = new CommandLine(options);
        for (CommandLine c : leading) top.addSubcommand(c.getCommandName(), c);
        CommandLine sim = new CommandLine(new SimServeCommand.Group());
        sim.addSubcommand("serve", new CommandLine(new SimServeCommand.Options(err)));
        top.addSubcommand("sim", sim);
        top.addSubcommand("completion", new CommandLine(new CompletionCommand(out)));
        return HelpLayout.fit(top);
    }

    public static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[]{"sesh " + VERSION + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
