package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.atca.Via;
import dev.sesh.aws.AwsCli;
import dev.sesh.bytes.Clock;
import dev.sesh.device.Board;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    /** Wraps every link this run opens (scripts/bench-flow counts the bytes on it); identity by default. */
    private java.util.function.UnaryOperator<dev.sesh.rpc.transport.Transport> links = java.util.function.UnaryOperator.identity();
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
        // picocli's default factory loads groovy.lang.Closure to support closures in annotations; that
        // class starts Groovy's whole runtime (~0.5 s) before any command runs. sesh has no such closures.
        System.setProperty("picocli.disable.closures", "true");
        // Every run that talks to a board reads its frames with Jackson, whose first mapper sets up the
        // JDK's locale data for its date format (~40 ms of CPU): done on the other core while the
        // command line is parsed (issue 21, start-up).
        startDaemon("sesh-json-init", () -> dev.sesh.rpc.frame.FrameJson.mapper());
        boolean tty = System.console() != null;
        Main m = new Main(System.getenv(), System.in, System.out, System.err, tty, new JSerialCommPortLister());
        int rc = m.run(args);
        System.out.flush();
        System.err.flush();
        System.exit(rc);
    }

    /** The same run with every link it opens wrapped by {@code wrap} (for measuring tools). */
    Main wrapLinks(java.util.function.UnaryOperator<dev.sesh.rpc.transport.Transport> wrap) {
        this.links = wrap;
        return this;
    }

    /** The subcommands of sesh's own command line; other first words are console commands. */
    private static final java.util.Set<String> SUBCOMMANDS = java.util.Set.of("sim", "completion", "run");

    int run(String[] args) {
        // Most runs (the console, one command) name no subcommand of sesh's: their options are parsed
        // without building the subcommands' models (issue 21, start-up); a run that names one, asks
        // for help or has an error is parsed again with the whole model, so it reads the same.
        SeshCli cli = new SeshCli();
        CommandLine parser = parser(cli, false);
        List<CommandLine> parsed = null;
        try {
            parsed = parser.parseArgs(args).asCommandLineList();
        } catch (CommandLine.ParameterException e) {
            parsed = null;   // told below, by the whole model
        }
        if (parsed == null || parser.isUsageHelpRequested() || (!cli.rest.isEmpty() && SUBCOMMANDS.contains(cli.rest.get(0)))) {
            cli = new SeshCli();
            parser = parser(cli, true);
            try {
                parsed = parser.parseArgs(args).asCommandLineList();
            } catch (CommandLine.ParameterException e) {
                if (e.getCommandLine().getCommand() instanceof UsageErrors sub) {
                    return new ErrorReporter(cli.debug, Style.of(tty, env)).report(sub.usageError(e.getMessage()), errWriter());
                }
                err.println("error: " + e.getMessage());
                err.println("hint: sesh --help shows the options");
                return SeshException.USAGE;
            }
        }
        PrintWriter errWriter = errWriter();
        for (CommandLine c : parsed) {
            if (c.isUsageHelpRequested()) {
                c.usage(out);
                return 0;
            }
        }
        if (parser.isVersionHelpRequested()) {
            parser.printVersionHelp(out);
            return 0;
        }
        ErrorReporter errors = new ErrorReporter(cli.debug, Style.of(tty, env));
        Object command = parsed.get(parsed.size() - 1).getCommand();
        try {
            if (command instanceof RunFileCommand run) return runOnce(cli, run.line(), errors, errWriter);
            if (command instanceof Callable<?> sub) return (Integer) sub.call();      // sim, sim serve, completion
            // sesh FILE.groovy: a file name is no picocli subcommand; it means run FILE.
            if (!cli.rest.isEmpty() && cli.rest.get(0).endsWith(".groovy")) return runOnce(cli, RunFileCommand.line(cli.rest), errors, errWriter);
            boolean oneShot = cli.command != null || !cli.rest.isEmpty();
            return oneShot ? runOnce(cli, cli.rest, errors, errWriter) : runConsole(cli, errors, errWriter);
        } catch (Exception e) {
            return errors.report(e, errWriter);
        }
    }

    /** sesh's command line over {@code cli}: its options alone, or ({@code subcommands}) the whole model. */
    private CommandLine parser(SeshCli cli, boolean subcommands) {
        CommandLine parser;
        if (subcommands) {
            parser = SeshCli.commandLine(cli, List.of(), out, err);
            parser.addSubcommand("run", new CommandLine(new RunFileCommand()).setUnmatchedOptionsArePositionalParams(true));
            // sim, completion and run are shown by the footer's examples, not listed in sesh --help.
            for (CommandLine sub : parser.getSubcommands().values()) sub.getCommandSpec().usageMessage().hidden(true);
            parser.getCommandSpec().usageMessage().synopsisSubcommandLabel("");
        } else {
            parser = new CommandLine(cli);
        }
        parser.setStopAtPositional(true);
        parser.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        parser.setErr(errWriter());
        return parser;
    }

    private PrintWriter errWriter() { return new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true); }

    /** One console command (or {@code -c}), or {@code run FILE} when {@code words} start with run. */
    private int runOnce(SeshCli cli, List<String> words, ErrorReporter errors, PrintWriter errWriter) {
        if (cli.command != null && !words.isEmpty()) {
            throw SeshException.badArg("both -c and a command given", "use one: sesh -c 'info' or sesh info");
        }
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        // Made when a question is asked, a status line drawn or monitor reads keys: JLine's terminal
        // (its terminfo parsed) costs a one-shot ~0.1 s of CPU on a tty that most commands never use.
        LazyTerminal terminal = tty ? new LazyTerminal(this::systemTerminal) : null;
        // A script run starts Groovy while the board connects; other one-shots start it only if they need it.
        boolean script = !words.isEmpty() && words.get(0).equals("run");
        try (Wired run = wire(cli, terminal, outWriter, errWriter, out, errors, true, script, true)) {
            int rc = cli.command != null ? run.registry().execute(cli.command) : run.registry().executeWords(words);
            outWriter.flush();
            return rc;
        } finally {
            if (terminal != null) closeQuietly(terminal.madeOrNull());
        }
    }

    // The board the task opened (running it here if nobody has), with its error as thrown.
    private static Board opened(FutureTask<Board> opening) {
        opening.run();
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("interrupted while connecting", "run it again");
        }
    }

    private static void startDaemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private int runConsole(SeshCli cli, ErrorReporter errors, PrintWriter errWriterFallback) {
        PortChooser.Choice choice = new PortChooser(lister).choose(cli.port, env.get("SESH_PORT"), cli.baud);
        Terminal terminal = systemTerminal();
        try {
            PrintWriter termWriter = terminal.writer();
            boolean colour = Style.of(tty, env).colors();
            PortSpec spec;
            String banner;
            if (choice instanceof PortChooser.Chosen c) {
                spec = c.spec();
                banner = "sesh " + SeshCli.VERSION + " · " + spec.text() + " (" + c.how() + ")";
            } else {
                spec = PortSpec.parse("sim:", cli.baud);
                banner = "sesh " + SeshCli.VERSION + " · no board found on USB serial ports; using a simulated board (sim:, factory-new)";
            }
            // On a terminal a person waits for the prompt: it comes first, saying "connecting PORT", and
            // the board, Groovy and the command tree start as it is drawn (issue 21). Piped input gets
            // the board first, as a script expects.
            boolean promptFirst = tty && !Console.isDumb(terminal);
            // Groovy starts at once either way: it takes longest, on the other core while the prompt is drawn.
            try (Wired run = wire(cli, () -> terminal, termWriter, termWriter, terminal.output(), errors, false, true, promptFirst)) {
                termWriter.println(banner);
                termWriter.println("type help for commands; other lines are Groovy (atca.slots[0], i2c.scan())");
                termWriter.flush();
                Path history = seshHome().resolve("history");
                try {
                    PrivateFiles.file(history);   // JLine appends to it; made 0600 first
                } catch (IOException e) {
                    throw SeshException.failed("cannot create " + history + ": " + e.getMessage(), "set SESH_HOME to a writable folder");
                }
                Session session = run.session();
                if (!promptFirst) {
                    try {
                        session.adopt(run.connector().open(spec));
                    } catch (SeshException e) {
                        errors.report(e, termWriter);
                        termWriter.println("(not connected: use connect PORT)");
                    }
                    return new Console(session, run.registry(), terminal, history, colour).run();
                }
                FutureTask<Board> opening = new FutureTask<>(() -> run.connector().open(spec));
                session.opening(spec.text(), () -> opened(opening));
                Console console = new Console(session, run.registry(), terminal, history, colour);
                console.afterFirstPrompt(() -> startDaemon("sesh-connect", () -> connectAfterPrompt(opening, session, console, run.registry(), errors)));
                return console.run();
            }
        } finally {
            closeQuietly(terminal);
        }
    }

    /**
     * The console's first board, opened after the prompt is drawn: adopted (unless a command took it
     * up first), a failure told above the prompt once, the prompt redrawn; then the command tree is
     * built, after Groovy has started so the two do not share the cores while a first line may wait.
     */
    private static void connectAfterPrompt(FutureTask<Board> opening, Session session, Console console, SeshSystemRegistry registry,
                                           ErrorReporter errors) {
        opening.run();
        try {
            session.runBoard();
        } catch (SeshException e) {
            java.io.StringWriter told = new java.io.StringWriter();
            errors.report(e, new PrintWriter(told));
            console.printAbove(told.toString().stripTrailing() + "\n(not connected: use connect PORT)");
        }
        closeIfNotAdopted(opening, session);   // a connect or disconnect typed meanwhile took its place
        console.refreshPrompt();
        registry.scripts().ifPresent(s -> s.engine().awaitStarting());
        registry.commandLine();
    }

    /** Closes the board {@code opening} opened if the session did not take it up (never for a task that has not run). */
    private static void closeIfNotAdopted(FutureTask<Board> opening, Session session) {
        if (!opening.isDone()) return;
        try {
            Board b = opening.get();
            if (session.currentBoard().orElse(null) != b) b.close();
        } catch (ExecutionException | RuntimeException failed) {
            // it did not open, or closing failed: nothing left to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one run is made of; closing it closes the session (its board) and the boards scripts opened. */
    private record Wired(CliBoardConnector connector, Session session, Boards boards, SeshSystemRegistry registry,
                         FutureTask<Board> early) implements AutoCloseable {
        @Override public void close() {
            try (session; boards) {
                // Opened early for a script that never used it: the session does not own it.
                if (early != null) closeIfNotAdopted(early, session);
            }
        }
    }

    /**
     * Builds one run's objects, the same way for the console and a one-shot run: the gate, the
     * connector that opens boards through it, the session, the Groovy engine ({@code groovyNow}:
     * started in the background at once, else on first use) and the command registry (with
     * {@code treeOnDemand}, each command's model built when a line first names it). A
     * {@code oneShot} session opens its board when a command first needs one (design.md 5.2) and
     * shows device log lines only with --debug; the console adopts its board and prints them itself.
     */
    private Wired wire(SeshCli cli, Supplier<Terminal> terminalOrNull, PrintWriter outWriter, PrintWriter errWriter, java.io.OutputStream binaryOut,
                       ErrorReporter errors, boolean oneShot, boolean groovyNow, boolean treeOnDemand) {
        ChangeGate gate = gate(cli, terminalOrNull, errWriter);
        // One-shot runs do no completion work (issue 26): nobody will press Tab.
        CliBoardConnector connector = connector(cli, gate, errWriter);
        if (oneShot) connector.withoutCompletionCaches();
        Consumer<String> status = terminalOrNull == null ? null : lazyStatusLine(terminalOrNull);
        LocalFileGuard files = files(cli, terminalOrNull);
        Session.Builder made = Session.builder(connector, outWriter, errWriter, errors)
                .json(cli.json).binaryOut(binaryOut).statusLine(status).via(via(cli)).files(files).awsTool(AwsCli::find)
                .terminal(terminalOrNull);   // monitor reads Ctrl-] from it
        FutureTask<Board> early = null;
        if (oneShot) {
            FutureTask<Board> opening = new FutureTask<>(() -> {
                PortChooser.Choice choice = new PortChooser(lister).choose(cli.port, env.get("SESH_PORT"), cli.baud);
                if (choice instanceof PortChooser.None none) throw none.toError();
                return connector.open(((PortChooser.Chosen) choice).spec());
            });
            // A script run connects while Groovy compiles the script (issue 26: ~1.5 s); the
            // script's first use of the board waits for it and sees its error, if any.
            if (groovyNow) {
                startDaemon("connect", opening);
                early = opening;
            }
            made.openOnDemand(() -> opened(opening))
                .deviceLog(line -> { if (cli.debug) errWriter.println("[device] " + line); });
        }
        Session session = made.build();
        if (cli.trace) session.trace(Optional.of(traceLine(errWriter)));
        Boards boards = new Boards(connector);
        Bindings bindings = bindings(session, boards, outWriter, files);
        // A console warms Groovy up for the first line a person types; a script run compiles its script next.
        ScriptEngineFacade engine = groovyNow ? GroovyFacade.startInBackground(bindings, !oneShot) : GroovyFacade.startOnFirstUse(bindings);
        ScriptConsole scripts = new ScriptConsole(session, engine);
        // A one-shot run builds the model of the command it runs, not of all of them; a console whose
        // prompt comes first builds the tree after the prompt (issue 21).
        SeshSystemRegistry registry = treeOnDemand ? SeshSystemRegistry.builtOnDemand(session, scripts) : new SeshSystemRegistry(session, scripts);
        return new Wired(connector, session, boards, registry, early);
    }

    /**
     * Whether an output file may be replaced: never a key file; else with --force, or when the user
     * says y on a terminal; without one, refused (issue 16 rows 3 and 4).
     */
    private LocalFileGuard files(SeshCli cli, Supplier<Terminal> terminalOrNull) {
        if (terminalOrNull == null || !tty) return new LocalFileGuard(Optional.empty(), cli.force);
        java.util.function.Predicate<Path> ask = path -> {
            org.jline.reader.LineReader reader = org.jline.reader.LineReaderBuilder.builder().terminal(terminalOrNull.get()).build();
            try {
                String a = reader.readLine(path + " exists. Replace it? [y/N] ").strip().toLowerCase(java.util.Locale.ROOT);
                return a.equals("y") || a.equals("yes");
            } catch (org.jline.reader.UserInterruptException | org.jline.reader.EndOfFileException e) {
                return false;
            }
        };
        return new LocalFileGuard(Optional.of(ask), cli.force);
    }

    /** --trace: each decoded frame line to stderr at once (issue 19). */
    private static Consumer<String> traceLine(PrintWriter err) {
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** The objects scripts see: the session's own, looked up on each use so they follow connect/disconnect. */
    private Bindings bindings(Session session, Boards boards, PrintWriter out, LocalFileGuard files) {
        return dev.sesh.shell.ScriptBindings.of(session, boards, out, files, clock);
    }

    private static Optional<Via> via(SeshCli cli) { return cli.via == null ? Optional.empty() : Optional.of(Via.parse(cli.via)); }

    private ChangeGate gate(SeshCli cli, Supplier<Terminal> terminalOrNull, PrintWriter errWriter) {
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
        RpcOptions rpc = RpcOptions.lean().withClock(clock);
        if (cli.timeoutSeconds != null) {
            if (cli.timeoutSeconds <= 0) throw SeshException.badArg("--timeout must be positive", "give seconds, e.g. --timeout 30");
            rpc = rpc.withTimeouts(Timeouts.overriddenBy(Duration.ofMillis((long) (cli.timeoutSeconds * 1000))));
        }
        SimPorts sims = new SimPorts(clock, Optional.ofNullable(cli.ca), line -> {
            errWriter.println(line);
            errWriter.flush();
        });
        dev.sesh.rpc.transport.TransportFactory opened = sims.transportFactory();
        return new CliBoardConnector(spec -> links.apply(opened.open(spec)), lister, rpc, gate, clock, cli.baud,
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
            if (tty) {
                try {
                    // JLine's native provider alone: asking every provider whether the streams are a
                    // terminal runs a program (test -t) for the exec one (issue 21, start-up).
                    return TerminalBuilder.builder().name("sesh").system(true).nativeSignals(true)
                            .jni(true).ffm(false).jna(false).jansi(false).exec(false).dumb(false).build();
                } catch (IllegalStateException | IOException | UnsatisfiedLinkError noNative) {
                    return TerminalBuilder.builder().name("sesh").system(true).nativeSignals(true).build();
                }
            }
            // A pipe: JLine's providers would build a pty terminal over the streams; a dumb one reads lines as given.
            return new DumbTerminal("sesh", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SeshException.failed("cannot open the terminal: " + e.getMessage(), "run sesh in a terminal, or use -c");
        }
    }

    /** The terminal's status line for progress bars, made on first use (a dumb terminal draws nothing). */
    private static Consumer<String> lazyStatusLine(Supplier<Terminal> terminal) {
        java.util.concurrent.atomic.AtomicReference<Consumer<String>> made = new java.util.concurrent.atomic.AtomicReference<>();
        return text -> made.updateAndGet(m -> m != null ? m : ProgressBar.statusLineOf(terminal.get())).accept(text);
    }

    /** A terminal made on first use (one-shot runs), closed at the end only if it was made. */
    private static final class LazyTerminal implements Supplier<Terminal> {
        private final Supplier<Terminal> make;
        private Terminal made;   // guarded by this

        LazyTerminal(Supplier<Terminal> make) { this.make = make; }

        @Override public synchronized Terminal get() {
            if (made == null) made = make.get();
            return made;
        }

        synchronized Terminal madeOrNull() { return made; }
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
