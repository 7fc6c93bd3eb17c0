package dev.sesh.script;

import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigCodec;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.bytes.Bytes;
import groovy.lang.Binding;
import groovy.lang.Script;
import org.codehaus.groovy.runtime.FormatHelper;

import java.io.PrintWriter;

/**
 * The base class of every script and console entry: the helpers {@code hex}, {@code bytes},
 * {@code sleep}, {@code println}/{@code print}/{@code printf} (to the session's stdout, not the
 * JVM's) and {@code exit}. Methods here win over Groovy's default ones of the same name.
 */
public abstract class SeshScript extends Script {
    protected SeshScript() {}

    protected SeshScript(Binding binding) { super(binding); }

    private SeshBinding context() {
        if (getBinding() instanceof SeshBinding b) return b;
        throw new IllegalStateException("script not run by sesh's engine");
    }

    public String hex(Object value) { return Helpers.hex(value); }

    public Bytes bytes(Object... values) { return Helpers.bytes(values); }

    /** A byte[] as Bytes; without this overload Groovy would spread the array into the varargs. */
    public Bytes bytes(byte[] values) { return Bytes.of(values); }

    /**
     * The ATECC config zone a file describes (mos's YAML or JSON, or hex, by extension), as
     * {@code atca config set FILE} reads it; needs no board. Bad input is exit 2.
     */
    public ConfigZone chipConfig(String file) { return ConfigCodec.readFile(file); }

    /** Waits {@code ms} milliseconds on the session's clock (virtual in tests). */
    public void sleep(long ms) {
        if (ms < 0) throw SeshException.badArg("sleep(" + ms + "): negative time", "give milliseconds, 0 or more");
        try {
            context().bindings().clock().sleepMillis(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("interrupted", "");
        }
    }

    @Override public void println() { out().println(); out().flush(); }

    @Override public void println(Object value) {
        out().println(FormatHelper.toString(value));
        out().flush();
    }

    @Override public void print(Object value) {
        out().print(FormatHelper.toString(value));
        out().flush();
    }

    @Override public void printf(String format, Object value) { printf(format, new Object[]{value}); }

    @Override public void printf(String format, Object[] values) {
        out().printf(format, values);
        out().flush();
    }

    /** The named input files as paths, each checked to exist (in order) before the script goes on. */
    public java.util.List<java.nio.file.Path> inputFiles(Object... names) { return Helpers.inputFiles(names); }

    /** Ends the script with exit code {@code code} (0-255). */
    public void exit(int code) {
        if (code < 0 || code > 255) throw SeshException.badArg("exit(" + code + "): not an exit code", "give 0-255");
        throw new ScriptExit(code);
    }

    private PrintWriter out() { return context().bindings().out(); }
}
