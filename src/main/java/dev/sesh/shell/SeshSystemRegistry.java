package dev.sesh.shell;

import dev.sesh.SeshException;
import dev.sesh.shell.command.ConsoleCommands;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one command-vs-Groovy rule (design.md section 3, stated by {@code help}): a line whose first
 * word is a command name followed by a space or the end of the line is a command; anything else
 * goes to the script engine. Commands run through one picocli {@link CommandLine} whose handlers
 * send every error to {@link ErrorReporter}, so no stack trace reaches the user.
 */
public final class SeshSystemRegistry {
    private final Session session;
    private final SeshFactory factory;
    /** Command name or alias -> its class, in ConsoleCommands' order: known without building any picocli model. */
    private final Map<String, Class<?>> index;
    /** The root; in a one-shot registry it holds only the commands built so far, until {@link #commandLine()}. */
    private volatile CommandLine commands;
    private volatile boolean whole;
    private final LineEvaluator scripts;
    private final DefaultParser words = new DefaultParser();
    private final ScriptConsole scriptConsole;

    /** What runs a line that is not a command (the Groovy engine, once bound). */
    @FunctionalInterface
    public interface LineEvaluator {
        int evaluate(String line);

        /** True if {@code name} means something on its own (a variable or bound object), so it is not an unknown command. */
        default boolean knows(String name) { return false; }
    }

    /** A bare word: one identifier alone on the line; unless the evaluator knows it, it is a mistyped command. */
    private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> GROOVY_WORDS = Set.of("true", "false", "null", "this");

    /** A registry whose non-command lines get "unknown command" with the closest names. */
    public SeshSystemRegistry(Session session) {
        this(session, null);
    }

    /** {@code scripts} runs lines that are not commands; null means no scripting (unknown command). */
    public SeshSystemRegistry(Session session, LineEvaluator scripts) {
        this(session, scripts, null);
    }

    /** Non-command lines go to Groovy; {@code vars}, {@code reset}, {@code run} and {@code groovy} use it too. */
    public SeshSystemRegistry(Session session, ScriptConsole scripts) {
        this(session, scripts, scripts, true);
    }

    /**
     * A registry that builds each command's picocli model when a line first names it, not the whole
     * tree up front (issue 21: building every command's model was most of a one-shot's start-up and
     * stood before the console's prompt). {@code help}, completion and {@link #commandLine()} build
     * the rest, in the usual order.
     */
    public static SeshSystemRegistry builtOnDemand(Session session, ScriptConsole scripts) {
        return new SeshSystemRegistry(session, scripts, scripts, false);
    }

    private SeshSystemRegistry(Session session, LineEvaluator scripts, ScriptConsole scriptConsole) {
        this(session, scripts, scriptConsole, true);
    }

    private SeshSystemRegistry(Session session, LineEvaluator scripts, ScriptConsole scriptConsole, boolean wholeTree) {
        this.session = session;
        this.scriptConsole = scriptConsole;
        this.scripts = scripts != null ? scripts : line -> unknownCommand(session, commandNames()).evaluate(line);
        this.factory = new SeshFactory(session, scriptConsole);
        this.index = index();
        this.commands = configured(new CommandLine(new Root(), factory));
        if (wholeTree) commandLine();
    }

    /** The root of a tree that is built command by command. */
    @CommandLine.Command(name = "sesh")
    private static final class Root implements Runnable {
        @Override public void run() { }
    }

    /** Every command's names, read from the annotations alone (no picocli model is built). */
    private static Map<String, Class<?>> index() {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        for (Class<?> c : ConsoleCommands.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            CommandLine.Command a = c.getAnnotation(CommandLine.Command.class);
            names.put(a.name(), c);
            for (String alias : a.aliases()) names.put(alias, c);
        }
        return names;
    }

    /** The root's handlers and settings, and each command's (--help, usage width, run's positional stop). */
    private CommandLine configured(CommandLine root) {
        root.setExecutionExceptionHandler((ex, cl, parsed) -> session.errors().report(ex, session.err()));
        root.setParameterExceptionHandler((ex, args) -> {
            // A converter's own error (slot, I2C address) is already one line with its fix: as it is.
            if (ex.getCause() instanceof SeshException own) return session.errors().report(own, session.err());
            CommandLine cl = ex.getCommandLine();
            String name = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^sesh ", "");
            session.errors().report(SeshException.badArg(usageMessage(ex, cl, name), usageHint(ex, cl, name)), session.err());
            return SeshException.USAGE;
        });
        configure(root);
        return root;
    }

    private void configure(CommandLine cl) {
        cl.setOut(session.out());
        cl.setErr(session.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        for (CommandLine sub : cl.getSubcommands().values()) addHelpOption(sub);
        HelpLayout.fit(cl);
        CommandLine run = cl.getSubcommands().get("run");
        if (run != null) run.setStopAtPositional(true);       // run FILE --opt: options after FILE are the script's
    }

    /**
     * The root with the command {@code name} in it: built now if it is not yet; {@code help} needs every
     * command, so it builds the whole tree.
     */
    private CommandLine withCommand(String name) {
        CommandLine root = commands;
        if (whole || root.getSubcommands().containsKey(name)) return root;
        if (name.equals("help")) return commandLine();
        synchronized (this) {
            if (whole || commands.getSubcommands().containsKey(name)) return commands;
            CommandLine sub = new CommandLine(index.get(name), factory);
            commands.addSubcommand(sub.getCommandName(), sub);
            configure(commands);
            return commands;
        }
    }

    /** "rpc has no subcommand 'lst'" instead of picocli's "Unmatched argument at index 1". */
    private static String usageMessage(CommandLine.ParameterException ex, CommandLine cl, String name) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cl.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()
                && cl.getCommandSpec().positionalParameters().isEmpty()) {
            return name + " has no subcommand '" + u.getUnmatched().get(0) + "'";
        }
        return ex.getMessage();
    }

    /** "did you mean rpc list?" for a mistyped subcommand, else where the usage is. */
    private static String usageHint(CommandLine.ParameterException ex, CommandLine cl, String name) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cl.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            List<String> close = Suggest.closest(word, cl.getSubcommands().keySet());
            if (!close.isEmpty()) {
                return "did you mean " + String.join(", ", close.stream().map(c -> name + " " + c).toList()) + "?";
            }
            return name + " has: " + String.join(", ", new TreeSet<>(cl.getSubcommands().keySet()));
        }
        return "see help " + name + " (or " + name + " --help)";
    }

    /** {@code CMD --help} on every command and subcommand, without a -h/-V clutter. */
    private static void addHelpOption(CommandLine cl) {
        if (cl.getCommandSpec().optionsMap().containsKey("--help")) return;
        cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("--help")
                .usageHelp(true).description("show this command's usage").build());
        for (CommandLine sub : cl.getSubcommands().values()) addHelpOption(sub);
    }

    /** The whole command tree (built now in a one-shot registry that has not needed it yet). */
    public CommandLine commandLine() {
        if (whole) return commands;
        synchronized (this) {
            if (!whole) {
                commands = configured(new CommandLine(new ConsoleCommands(), factory));
                whole = true;
            }
            return commands;
        }
    }

    /** The Groovy console, when this registry has one. */
    public Optional<ScriptConsole> scripts() { return Optional.ofNullable(scriptConsole); }

    /** Command names and aliases, sorted. */
    public Set<String> commandNames() { return new TreeSet<>(index.keySet()); }

    /** True when {@code line} is a command by the parse rule. */
    public boolean isCommand(String line) {
        String t = line.stripLeading();
        int end = 0;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) end++;
        return end > 0 && index.containsKey(t.substring(0, end));
    }

    /** Runs one line; returns its exit code (0 for an empty line). A running {@code record} gets the line and its code. */
    public int execute(String line) {
        int rc = run(line);
        Optional<SessionRecorder> rec = session.recording();
        if (rec.isPresent()) record(rec.get(), line.strip(), rc);
        return rc;
    }

    /** A line for the recording: a command as its Groovy call ({@link GroovyTranslation}), Groovy as typed. */
    private void record(SessionRecorder r, String t, int rc) {
        if (t.isEmpty() || t.startsWith("#")) return;
        if (GroovyBlock.closed(t)) {
            r.ran(GroovyBlock.body(t), rc, Optional.of(GroovyBlock.body(t)));
            return;
        }
        if (!isCommand(t)) {
            r.ran(t, rc, Optional.of(t));
            return;
        }
        List<String> w = split(t);
        if (w.get(0).equals("record")) return;
        if (w.get(0).equals("run") && w.size() >= 2) {
            r.ran(t, rc, Optional.of("evaluate(new File(" + GroovyTranslation.q(w.get(1)) + "))"));
            return;
        }
        r.ran(t, rc, new GroovyTranslation(withCommand(w.get(0))).of(w));
    }

    private int run(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) return 0;
        if (GroovyBlock.closed(t)) return scripts.evaluate(GroovyBlock.body(t));
        if (isCommand(t)) {
            List<String> w = split(t);
            return withCommand(w.get(0)).execute(w.toArray(String[]::new));
        }
        if (BARE_WORD.matcher(t).matches() && !GROOVY_WORDS.contains(t) && !scripts.knows(t)) {
            return unknownCommand(session, commandNames()).evaluate(t);
        }
        return scripts.evaluate(t);
    }

    /** Runs a command given as separate words (the launcher's {@code sesh COMMAND ARGS..}). */
    public int executeWords(List<String> words) {
        if (words.isEmpty()) return 0;
        if (!index.containsKey(words.get(0))) return scripts.evaluate(String.join(" ", words));
        return withCommand(words.get(0)).execute(words.toArray(String[]::new));
    }

    /** An evaluator for a console without scripting: names the closest commands. */
    public static LineEvaluator unknownCommand(Session session, Set<String> names) {
        return line -> {
            String first = line.split("\\s+", 2)[0];
            List<String> close = Suggest.closest(first, names);
            return session.errors().report(SeshException.badArg("unknown command '" + first + "'",
                    close.isEmpty() ? "type help for the list of commands" : "did you mean " + String.join(", ", close) + "?"),
                    session.err());
        };
    }

    /**
     * Splits a command line into words with shell-like quoting. For {@code call METHOD JSON} the JSON
     * is taken raw (outer quotes removed), so {@code call FS.List {"path":"/"}} works unquoted.
     */
    List<String> split(String line) {
        List<String> first = new ArrayList<>(words.parse(line, line.length()).words());
        first.removeIf(String::isEmpty);
        if (!first.isEmpty() && first.get(0).equals("call")) {
            String[] parts = line.split("\\s+", 3);
            if (parts.length == 3) {
                String raw = parts[2].strip();
                if (raw.length() >= 2 && (raw.charAt(0) == '\'' || raw.charAt(0) == '"') && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
                    raw = raw.substring(1, raw.length() - 1);
                }
                if (!raw.startsWith("-")) return List.of(parts[0], parts[1], raw);
            }
        }
        return first;
    }
}
