package dev.sesh.script;

import dev.sesh.SeshException;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ScriptEngineFacade} over Groovy's {@link GroovyShell} with one persistent binding
 * (docs/decisions.md, D-groovy-1). Starting Groovy costs about a second, so
 * {@link #startInBackground} builds and warms the shell on a daemon thread while the console
 * prompt is already up; the first {@link #eval} waits for it only if it is not done yet.
 */
public final class GroovyFacade implements ScriptEngineFacade {
    private static final String[] DEFAULT_IMPORTS = {"dev.sesh.bytes.Bytes", "dev.sesh.SeshException"};

    private final Bindings bound;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final AtomicBoolean launched = new AtomicBoolean();
    private final AtomicInteger entries = new AtomicInteger();
    private volatile Console console;

    private GroovyFacade(Bindings bound) { this.bound = bound; }

    /** Returns at once; Groovy starts and warms up on a daemon thread (a console: a person types next). */
    public static GroovyFacade startInBackground(Bindings bound) { return startInBackground(bound, true); }

    /**
     * Returns at once; Groovy starts on a daemon thread, with {@code warmUp} also compiling and
     * running a throwaway entry. A script run compiles its own script next: a warm-up would only delay it.
     */
    public static GroovyFacade startInBackground(Bindings bound, boolean warmUp) {
        GroovyFacade f = new GroovyFacade(bound);
        f.launchInBackground(warmUp);
        return f;
    }

    @Override public void awaitStarting() {
        if (!launched.get()) return;
        try {
            started.join();
        } catch (CompletionException failed) {
            // told to whoever evaluates first
        }
    }

    @Override public void startInBackground() { launchInBackground(true); }

    private void launchInBackground(boolean warmUp) {
        if (launched.get()) return;
        Thread t = new Thread(() -> launch(warmUp), "sesh-groovy-start");
        t.setDaemon(true);
        t.start();
    }

    /** Starts Groovy on the calling thread, without a warm-up: what runs next is compiled at once. */
    public static GroovyFacade startNow(Bindings bound) {
        GroovyFacade f = new GroovyFacade(bound);
        f.launch(false);
        return f;
    }

    /** Starts Groovy on the first evaluation only: one-shot commands that never use it pay nothing. */
    public static GroovyFacade startOnFirstUse(Bindings bound) { return new GroovyFacade(bound); }

    /** {@code warm}: also compile and run a throwaway entry (a console, where a person types next). */
    private void launch(boolean warm) {
        if (!launched.compareAndSet(false, true)) return;
        try {
            start(warm);
            started.complete(null);
        } catch (Throwable e) {
            started.completeExceptionally(e);
        }
    }

    /** The console's compiler state: binding, remembered imports and the shell compiling entries. */
    private record Console(SeshBinding binding, ImportMemory imports, ConsoleMethods methods, GroovyShell shell) {}

    private void start(boolean warm) {
        console = newConsole();
        if (!warm) return;
        // Warm-up: compile and run a throwaway entry so class loading and the metaclass system are
        // paid for here rather than on the user's first line.
        GroovyShell throwaway = new GroovyShell(GroovyFacade.class.getClassLoader(), new SeshBinding(bound), fileConfig());
        throwaway.evaluate("def l = [1, 2].collect { it * 2 }; def m = [a: l]; \"${m.a.size()}\" + hex(bytes('0a'))", "Warmup.groovy");
    }

    private Console newConsole() {
        ImportMemory imports = new ImportMemory(DEFAULT_IMPORTS);
        ConsoleMethods methods = new ConsoleMethods();
        CompilerConfiguration cc = new CompilerConfiguration();
        cc.setScriptBaseClass(SeshScript.class.getName());
        cc.addCompilationCustomizers(imports.recorder(), imports.replay(), methods.recorder(), new ConsoleDeclarations(), interruptible());
        SeshBinding binding = new SeshBinding(bound);
        return new Console(binding, imports, methods, new GroovyShell(GroovyFacade.class.getClassLoader(), binding, cc));
    }

    private static CompilerConfiguration fileConfig() {
        CompilerConfiguration cc = new CompilerConfiguration();
        cc.setScriptBaseClass(SeshScript.class.getName());
        cc.addCompilationCustomizers(new ImportCustomizer().addImports(DEFAULT_IMPORTS), interruptible());
        return cc;
    }

    /** Loops and closures check the thread's interrupt flag, so Ctrl-C stops {@code while (true) {}} too. */
    private static ASTTransformationCustomizer interruptible() {
        return new ASTTransformationCustomizer(groovy.transform.ThreadInterrupt.class);
    }

    private Console ready() {
        launch(false);   // a one-shot's first use: its own script is all there is to compile
        try {
            started.join();
        } catch (CompletionException e) {
            throw new SeshException("the Groovy engine did not start: " + e.getCause(), "run with --debug and report it", SeshException.FAILED, e.getCause());
        }
        return console;
    }

    @Override public Object eval(String source) {
        Console c = ready();
        String codeName = "Entry" + entries.incrementAndGet() + ".groovy";
        // A one-line entry needs no "line 1:" in its errors; a block names the line within it.
        String frames = source.strip().contains("\n") ? codeName : "";
        Script script;
        try {
            script = c.shell().parse(new GroovyCodeSource(c.methods().withRemembered(source), codeName, GroovyShell.DEFAULT_CODE_BASE));
        } catch (RuntimeException e) {
            c.imports().discard();
            c.methods().discard();
            throw ScriptErrors.of(e, frames, "", bound);
        }
        c.imports().commit();
        c.methods().commit();
        try {
            return script.run();
        } catch (ScriptExit e) {
            return null;
        } catch (Exception | StackOverflowError | IllegalAccessError e) {   // Groovy rethrows checked ones as is
            throw ScriptErrors.of(e, frames, "", bound);
        }
    }

    @Override public int run(String source, String fileName, List<String> args) {
        ready();
        SeshBinding binding = new SeshBinding(bound);
        binding.setVariable("args", args.toArray(String[]::new));
        GroovyShell shell = new GroovyShell(GroovyFacade.class.getClassLoader(), binding, fileConfig());
        Script script;
        try {
            script = shell.parse(new GroovyCodeSource(source, fileName, GroovyShell.DEFAULT_CODE_BASE));
        } catch (RuntimeException e) {
            throw ScriptErrors.of(e, fileName, fileName, bound);
        }
        try {
            script.run();
            return 0;
        } catch (ScriptExit e) {
            return e.code();
        } catch (Exception | StackOverflowError | IllegalAccessError e) {   // Groovy rethrows checked ones as is
            throw ScriptErrors.of(e, fileName, fileName, bound);
        }
    }

    @Override public Map<String, Object> variables() {
        Console c = console;
        if (c == null || !started.isDone()) return Map.of();
        return new LinkedHashMap<>(c.binding().userVariables());
    }

    @Override public boolean defines(String name) {
        return Helpers.NAMES.contains(name) || bound.has(name) || variables().containsKey(name);
    }

    @Override public void reset() {
        ready();
        console = newConsole();
    }

    @Override public List<Completion> complete(String textBeforeCursor) {
        Map<String, Object> vars = variables();
        List<Completion> top = new ArrayList<>();
        for (String name : vars.keySet()) top.add(new Completion(name, "variable: " + typeName(vars.get(name)), true));
        for (String name : bound.names()) {
            top.add(new Completion(name, "bound: " + bound.peek(name).map(GroovyFacade::typeName).orElse("not available now"), true));
        }
        top.addAll(Helpers.SIGNATURES);
        return MemberCompletion.complete(textBeforeCursor, name -> vars.containsKey(name)
                ? Optional.ofNullable(vars.get(name)) : bound.peek(name), top);
    }

    @Override public boolean isReady() { return started.isDone(); }

    private static String typeName(Object v) { return v == null ? "null" : v.getClass().getSimpleName(); }
}
