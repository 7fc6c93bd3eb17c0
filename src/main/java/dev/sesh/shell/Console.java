package dev.sesh.shell;

import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.nio.file.Path;
import dev.sesh.shell.command.ExitCommand;
import dev.sesh.shell.complete.CommandCompleter;

/**
 * The interactive loop: JLine line editing, completion from the command tree (and live board state
 * through the commands' candidates), history in {@code $SESH_HOME/history}, device log lines printed
 * above the prompt, Ctrl-C cancelling the running command, Ctrl-D or {@code exit} leaving.
 */
public final class Console {
    private final Session session;
    private final SeshSystemRegistry registry;
    private final Terminal terminal;
    private final LineReader reader;
    private final StatusPrompt prompt;
    private volatile Thread running;

    public Console(Session session, SeshSystemRegistry registry, Terminal terminal, Path historyFile, boolean colour) {
        this.session = session;
        this.registry = registry;
        this.terminal = terminal;
        this.prompt = new StatusPrompt(colour);
        // The tree is asked for at each Tab: a console whose prompt comes first builds it just after.
        Completer commands = new CommandCompleter(registry::commandLine);
        Completer completer = registry.scripts().<Completer>map(s -> new SeshCompleter(commands, s.engine())).orElse(commands);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("sesh")
                .parser(new SeshParser(registry))
                .completer(completer)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, SeshParser.SECONDARY_PROMPT)
                .history(new SecretAwareHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // Output without a final newline (fs cat of a JSON file) must not push the prompt
                // to the right; a dumb terminal cannot do the trick and gets nothing extra.
                .option(LineReader.Option.AUTO_FRESH_LINE, !isDumb(terminal))
                .build();
        // printAbove redraws the prompt and the half-typed line under the log line; while a command
        // runs it just prints, so a device line never lands inside the user's input.
        // Request echoes stay in the ring for `log`; above the prompt they would bury everything else.
        session.attachConsole(reader.getHistory(), line -> {
            if (!DeviceLogRing.echoesRequest(line)) reader.printAbove(deviceLine(line, colour));
        });
        // Each prompt is drawn from the state at that moment, even if it changed after readLine was
        // called (a board adopted in the background); afterPrompt runs once, as the first prompt is drawn.
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            ((org.jline.reader.impl.LineReaderImpl) reader).setPrompt(prompt.render(session));
            Runnable first = afterFirstPrompt;
            afterFirstPrompt = null;
            if (first != null) first.run();
            return true;
        });
        reader.getWidgets().put(REFRESH_PROMPT, () -> {
            ((org.jline.reader.impl.LineReaderImpl) reader).setPrompt(prompt.render(session));
            reader.callWidget(LineReader.CLEAR);
            reader.callWidget(LineReader.REDISPLAY);
            return true;
        });
        terminal.handle(Terminal.Signal.INT, sig -> {
            Thread t = running;
            if (t != null) t.interrupt();
        });
    }

    public LineReader reader() { return reader; }

    private static final String REFRESH_PROMPT = "sesh-refresh-prompt";
    private volatile Runnable afterFirstPrompt;

    /** {@code work} starts as the first prompt is drawn (it should start threads, not run long itself). */
    public void afterFirstPrompt(Runnable work) { this.afterFirstPrompt = work; }

    /**
     * Redraws the prompt, with the line being typed, from the session's state now (from any thread).
     * While a command runs there is no prompt to redraw: the next one is drawn from the state then.
     */
    public void refreshPrompt() {
        try {
            reader.callWidget(REFRESH_PROMPT);
        } catch (IllegalStateException notReading) {
            // no prompt on the screen: the next readLine draws the current state
        }
    }

    /** Prints {@code text} above the prompt (or just prints it while a command runs). */
    public void printAbove(String text) { reader.printAbove(text); }

    /** True for JLine's dumb terminals (piped input): no cursor movement, no redraw. */
    public static boolean isDumb(Terminal t) {
        return Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType());
    }

    /** A device log line as shown above the prompt: a dim {@code [device]} tag when colours are on. */
    static String deviceLine(String line, boolean colour) {
        if (!colour) return "[device] " + line;
        return new AttributedStringBuilder().style(AttributedStyle.DEFAULT.faint()).append("[device]")
                .style(AttributedStyle.DEFAULT).append(" " + line).toAnsi();
    }

    /** Runs until exit or end of input; returns 0. */
    public int run() {
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt.render(session));
            } catch (UserInterruptException e) {
                continue;                       // Ctrl-C on the prompt clears the line; it never exits
            } catch (EndOfFileException e) {
                return 0;
            }
            running = Thread.currentThread();
            int rc;
            try {
                rc = registry.execute(line);
            } catch (Exception | StackOverflowError e) {
                // Groovy can throw checked exceptions (InterruptedException from Ctrl-C in Thread.sleep)
                // and overflow the stack; neither may end the console.
                rc = session.errors().report(e, session.err());
            } finally {
                running = null;
                Thread.interrupted();           // a Ctrl-C that arrived as the command ended is spent
            }
            session.out().flush();
            session.err().flush();
            if (rc == ExitCommand.EXIT_REQUESTED) return 0;
        }
    }
}
