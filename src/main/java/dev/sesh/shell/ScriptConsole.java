package dev.sesh.shell;

import dev.sesh.script.ScriptEngineFacade;
import dev.sesh.script.ScriptRunner;

import java.nio.file.Path;
import java.util.List;

/**
 * The Groovy side of the console: evaluates lines that are not commands and prints their results
 * ({@link ResultPrinter}), runs script files, and reports every error through the session's
 * {@link ErrorReporter} (one line and a hint; the stack only with --debug). The engine's objects
 * are the ones the commands use, so scripts go through the same change gate.
 */
public final class ScriptConsole implements SeshSystemRegistry.LineEvaluator {
    private final Session session;
    private final ScriptEngineFacade engine;
    private final ScriptRunner runner;

    public ScriptConsole(Session session, ScriptEngineFacade engine) {
        this.session = session;
        this.engine = engine;
        this.runner = new ScriptRunner(engine);
    }

    public ScriptEngineFacade engine() { return engine; }

    /** Evaluates one entry; prints its value; returns 0, or the error's exit code. */
    @Override public int evaluate(String source) {
        try {
            Object value = engine.eval(source);
            session.out().print(ResultPrinter.format(value, session.jsonByDefault()));
            session.out().flush();
            return 0;
        } catch (RuntimeException e) {
            session.out().flush();
            return session.errors().report(e, session.err());
        }
    }

    @Override public boolean knows(String name) { return engine.defines(name); }

    /** Runs {@code file} with {@code args}; returns its exit code (design.md 5.14). */
    public int runFile(Path file, List<String> args) {
        try {
            int code = runner.run(file, args);
            session.out().flush();
            return code;
        } catch (RuntimeException e) {
            session.out().flush();
            return session.errors().report(e, session.err());
        }
    }
}
