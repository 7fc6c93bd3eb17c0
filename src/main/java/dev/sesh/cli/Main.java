package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.atca.Via;
import dev.sesh.bytes.Clock;
import dev.sesh.x509.X509Toolkit;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.LocalFileGuard;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.Timeouts;
import dev.sesh.rpc.transport.PortChooser;
import dev.sesh.rpc.transport.JSerialCommPortLister;
import dev.sesh.rpc.transport.PortLister;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.script.Bindings;
import dev.sesh.script.Boards;
import dev.sesh.script.GroovyFacade;
import dev.sesh.script.ScriptEngineFacade;
import dev.sesh.shell.Console;
import dev.sesh.shell.ErrorReporter;
import dev.sesh.shell.ScriptConsole;
import dev.sesh.shell.SeshSystemRegistry;
import dev.sesh.shell.Session;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.confirm.TerminalGate;
import dev.sesh.shell.format.ProgressBar;
import dev.sesh.shell.format.Style;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root (style.md rule 8) and the only class that touches System.in/out/err.
 * Decides the mode (console, one command, sim serve, completion), the board (design.md 5.2) and the
 * gate (terminal question, or the --yes policy without a terminal), then wires the layers.
 */
public final class Main {
    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean tty;
    private final PortLister lister;
    private final Clock clock;

    Main(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, boolean tty, PortLister lister) {
        this(env, in, out, err, tty, lister, Clock.system());
    }

    /** {@code clock} times the boards, the RPC client and scripts: the system clock, or a virtual one in tests (design.md 5.4). */
    Main(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, boolean tty, PortLister lister, Clock clock) {
        this.clock = clock;
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.tty = tty;
        this.lister = lister;
    }

    public static void main(String[] args) {
        boolean tty = System.console() != null;
        Main m = new Main(System.getenv(), System.in, System.out, System.err, tty, new JSerialCommPortLister());
        int rc = m.run(args);
        System.out.flush();
        System.err.flush();
        System.exit(rc);
    }

    int run(String[] args) {
        SeshCli cli = new SeshCli();
        CommandLine parser = dev.sesh.shell.HelpLayout.fit(new CommandLine(cli));
        parser.setStopAtPositional(true);
        parser.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        parser.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        try {
            parser.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("error: " + e.getMessage());
            err.println("hint: sesh --help shows the options");
            return SeshException.USAGE;
        }
        if (parser.isUsageHelpRequested()) {
            parser.usage(out);
            return 0;
        }
        if (parser.isVersionHelpRequested()) {
            parser.printVersionHelp(out);
            return 0;
        }
        ErrorReporter errors = new ErrorReporter(cli.debug, Style.of(tty, env));
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            if (!cli.rest.isEmpty() && cli.rest.get(0).equals("sim")) {
                return SimServeCommand.run(cli, cli.rest.subList(1, cli.rest.size()), out, err, errors);
            }
            if (!cli.rest.isEmpty() && cli.rest.get(0).equals("completion")) {
                return CompletionCommand.run(cli.rest.subList(1, cli.rest.size()), out, err);
            }
            if (!cli.rest.isEmpty() && cli.rest.get(0).endsWith(".groovy")) cli.rest.add(0, "run");   // sesh FILE.groovy
            boolean oneShot = cli.command != null || !cli.rest.isEmpty();
            return oneShot ? runOnce(cli, errors, errWriter) : runConsole(cli, errors, errWriter);
        } catch (RuntimeException e) {
            return errors.report(e, errWriter);
        }
    }

    private int runOnce(SeshCli cli, ErrorReporter errors, PrintWriter errWriter) {
        if (cli.command != null && !cli.rest.isEmpty()) {
            throw SeshException.badArg("both -c and a command given", "use one: sesh -c 'info' or sesh info");
        }
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        Terminal terminal = tty ? systemTerminal() : null;
        try {
            ChangeGate gate = gate(cli, terminal, errWriter);
            CliBoardConnector connector = connector(cli, gate, errWriter);
            Consumer<String> status = terminal == null ? null : lazyStatusLine(terminal);
            LocalFileGuard files = files(cli, terminal);
            try (Session session = new Session(connector, outWriter, errWriter, errors, cli.json, out, status, via(cli), files);
                 Boards boards = new Boards(connector)) {
                // A script run starts Groovy while the board connects; other one-shots start it only if they need it.
                boolean script = !cli.rest.isEmpty() && cli.rest.get(0).equals("run");
                ScriptEngineFacade engine = script
                        ? GroovyFacade.startInBackground(bindings(session, boards, outWriter, files, clock))
                        : GroovyFacade.startOnFirstUse(bindings(session, boards, outWriter, files, clock));
                session.connectOnDemand(() -> {
                    PortChooser.Choice choice = new PortChooser(lister).choose(cli.port, env.get("SESH_PORT"), cli.baud);
                    if (choice instanceof PortChooser.None none) throw none.toError();
                    return connector.open(((PortChooser.Chosen) choice).spec());
                });
                session.onDeviceLog(line -> { if (cli.debug) errWriter.println("[device] " + line); });
                SeshSystemRegistry registry = new SeshSystemRegistry(session, new ScriptConsole(session, engine));
                int rc = cli.command != null ? registry.execute(cli.command) : registry.executeWords(cli.rest);
                outWriter.flush();
                return rc;
            }
        } finally {
            closeQuietly(terminal);
        }
    }

    private int runConsole(SeshCli cli, ErrorReporter errors, PrintWriter errWriterFallback) {
        PortChooser.Choice choice = new PortChooser(lister).choose(cli.port, env.get("SESH_PORT"), cli.baud);
        Terminal terminal = systemTerminal();
        try {
            PrintWriter termWriter = terminal.writer();
            boolean colour = Style.of(tty, env).colors();
            ChangeGate gate = gate(cli, terminal, termWriter);
            CliBoardConnector connector = connector(cli, gate, termWriter);
            PortSpec spec;
            String banner;
            if (choice instanceof PortChooser.Chosen c) {
                spec = c.spec();
                banner = "sesh " + SeshCli.VERSION + " · " + spec.text() + " (" + c.how() + ")";
            } else {
                spec = PortSpec.parse("sim:", cli.baud);
                banner = "sesh " + SeshCli.VERSION + " · no board found on USB serial ports; using a simulated board (sim:, factory-new)";
            }
            LocalFileGuard files = files(cli, terminal);
            try (Session session = new Session(connector, termWriter, termWriter, errors, cli.json,
                    terminal.output(), lazyStatusLine(terminal), via(cli), files);
                 Boards boards = new Boards(connector)) {
                // Groovy takes about a second to start: it warms up while the user reads the banner and types.
                ScriptEngineFacade engine = GroovyFacade.startInBackground(bindings(session, boards, termWriter, files, clock));
                termWriter.println(banner);
                termWriter.println("type help for commands; other lines are Groovy (atca.slots[0], i2c.scan())");
                termWriter.flush();
                try {
                    session.adopt(connector.open(spec));
                } catch (SeshException e) {
                    errors.report(e, termWriter);
                    termWriter.println("(not connected: use connect PORT)");
                }
                SeshSystemRegistry registry = new SeshSystemRegistry(session, new ScriptConsole(session, engine));
                Path history = seshHome().resolve("history");
                try {
                    PrivateFiles.file(history);   // JLine appends to it; made 0600 first
                } catch (IOException e) {
                    throw SeshException.failed("cannot create " + history + ": " + e.getMessage(), "set SESH_HOME to a writable folder");
                }
                Console console = new Console(session, registry, terminal, history, colour);
                return console.run();
            }
        } finally {
            closeQuietly(terminal);
        }
    }

    /**
     * Whether an output file may be replaced: never a key file; else with --force, or when the user
     * says y on a terminal; without one, refused (issue 16 rows 3 and 4).
     */
    private LocalFileGuard files(SeshCli cli, Terminal terminalOrNull) {
        if (terminalOrNull == null || !tty) return new LocalFileGuard(Optional.empty(), cli.force);
        java.util.function.Predicate<Path> ask = path -> {
            org.jline.reader.LineReader reader = org.jline.reader.LineReaderBuilder.builder().terminal(terminalOrNull).build();
            try {
                String a = reader.readLine(path + " exists. Replace it? [y/N] ").strip().toLowerCase(java.util.Locale.ROOT);
                return a.equals("y") || a.equals("yes");
            } catch (org.jline.reader.UserInterruptException | org.jline.reader.EndOfFileException e) {
                return false;
            }
        };
        return new LocalFileGuard(Optional.of(ask), cli.force);
    }

    /** The objects scripts see: the session's own, looked up on each use so they follow connect/disconnect. */
    private static Bindings bindings(Session session, Boards boards, PrintWriter out, LocalFileGuard files, Clock clock) {
        X509Toolkit x509 = new X509Toolkit(files);
        return Bindings.builder(out, clock)
                .bind("board", session::board)
                .bind("i2c", () -> session.board().i2c())
                .bind("fs", () -> session.board().fs())
                .bind("config", () -> session.board().config())
                .bind("atca", session::atca)
                .bind("x509", () -> x509)
                .bind("boards", () -> boards)
                .build();
    }

    private static Optional<Via> via(SeshCli cli) { return cli.via == null ? Optional.empty() : Optional.of(Via.parse(cli.via)); }

    private ChangeGate gate(SeshCli cli, Terminal terminalOrNull, PrintWriter errWriter) {
        Style style = Style.of(terminalOrNull != null && tty, env);
        PlanRenderer renderer = new PlanRenderer(style);
        // Without a question to answer (no terminal, or --yes) the plan is printed whole: nothing can page it.
        PlanRenderer whole = PlanRenderer.whole(style);
        JsonLinesAuditLog audit = JsonLinesAuditLog.inHome(seshHome(), msg -> errWriter.println("warning: " + msg));
        java.time.Clock wall = java.time.Clock.systemUTC();
        NonInteractiveGate.AutoApprove level = NonInteractiveGate.AutoApprove.of(cli.yes, cli.yesIrreversible);
        if (terminalOrNull == null || !tty) return NonInteractiveGate.withoutTerminal(level, err, whole, audit, wall);
        TerminalGate terminalGate = new TerminalGate(terminalOrNull, renderer, audit, wall);
        if (level == NonInteractiveGate.AutoApprove.NONE) return terminalGate;
        return NonInteractiveGate.onTerminal(level, err, whole, terminalGate, audit, wall);
    }

    private CliBoardConnector connector(SeshCli cli, ChangeGate gate, PrintWriter errWriter) {
        RpcOptions rpc = RpcOptions.defaults().withClock(clock);
        if (cli.timeoutSeconds != null) {
            if (cli.timeoutSeconds <= 0) throw SeshException.badArg("--timeout must be positive", "give seconds, e.g. --timeout 30");
            rpc = rpc.withTimeouts(Timeouts.overriddenBy(Duration.ofMillis((long) (cli.timeoutSeconds * 1000))));
        }
        SimPorts sims = new SimPorts(clock, Optional.ofNullable(cli.ca), line -> {
            errWriter.println(line);
            errWriter.flush();
        });
        return new CliBoardConnector(sims.transportFactory(), lister, rpc, gate, clock, cli.baud,
                cli.debug ? errWriter::println : null);
    }

    private Path seshHome() {
        Path home = JsonLinesAuditLog.seshHome(env, Path.of(System.getProperty("user.home")));
        try {
            PrivateFiles.folder(home);
        } catch (IOException e) {
            throw SeshException.failed("cannot create " + home + ": " + e.getMessage(), "set SESH_HOME to a writable folder");
        }
        return home;
    }

    private Terminal systemTerminal() {
        try {
            if (tty) return TerminalBuilder.builder().name("sesh").system(true).nativeSignals(true).build();
            // A pipe: JLine's providers would build a pty terminal over the streams; a dumb one reads lines as given.
            return new DumbTerminal("sesh", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SeshException.failed("cannot open the terminal: " + e.getMessage(), "run sesh in a terminal, or use -c");
        }
    }

    /** The terminal's status line for progress bars, made on first use (a dumb terminal draws nothing). */
    private static Consumer<String> lazyStatusLine(Terminal terminal) {
        java.util.concurrent.atomic.AtomicReference<Consumer<String>> made = new java.util.concurrent.atomic.AtomicReference<>();
        return text -> made.updateAndGet(m -> m != null ? m : ProgressBar.statusLineOf(terminal)).accept(text);
    }

    private static void closeQuietly(Terminal t) {
        if (t == null) return;
        try {
            t.close();
        } catch (IOException ignored) {
            // closing the terminal at exit; nothing left to tell the user
        }
    }
}
