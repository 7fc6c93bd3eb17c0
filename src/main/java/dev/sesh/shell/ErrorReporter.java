package dev.sesh.shell;

import dev.sesh.SeshException;
import dev.sesh.plan.Redactor;

import java.io.PrintWriter;

/**
 * The only place that turns exceptions into text for the user (style.md rule 6): one line
 * {@code error: ...}, one line {@code hint: ...}, a stack trace only with {@code --debug}.
 * Keeps the last exception for {@code status} and Groovy.
 */
public final class ErrorReporter {
    private final boolean debug;
    private final dev.sesh.shell.format.Style style;
    private volatile Throwable last;

    public ErrorReporter(boolean debug) { this(debug, dev.sesh.shell.format.Style.plain()); }

    /** {@code style}: the colours of the stream errors go to ("error:" in red on a terminal). */
    public ErrorReporter(boolean debug, dev.sesh.shell.format.Style style) {
        this.debug = debug;
        this.style = style;
    }

    /** The colours of this run's output: plain off a terminal or with NO_COLOR (hex dumps use it too). */
    public dev.sesh.shell.format.Style style() { return style; }

    private String error(String message) { return style.red("error:") + " " + message; }

    /** Prints the error and returns the exit code a non-interactive run should end with. */
    public int report(Throwable t, PrintWriter err) {
        last = t;
        if (interrupted(t)) {
            // Ctrl-C: the command stopped where it was; say so instead of blaming the link.
            err.println(error("cancelled"));
            err.flush();
            return SeshException.FAILED;
        }
        Throwable root = unwrap(t);
        if (root instanceof SeshException se) {
            err.println(error(se.getMessage()));
            if (!se.hint().isEmpty()) err.println("hint: " + se.hint());
            if (debug) err.print(trace(root));
            err.flush();
            return se.exitCode();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : Redactor.errorText(root.getMessage());
        err.println(error(msg));
        err.println(debug ? trace(root) : "hint: this is a bug in sesh; run again with --debug for the stack trace and report it");
        err.flush();
        return SeshException.FAILED;
    }

    public Throwable last() { return last; }

    private static boolean interrupted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.nio.channels.ClosedByInterruptException) return true;
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while (!(cur instanceof SeshException) && cur.getCause() != null && cur.getCause() != cur
                && (cur instanceof java.util.concurrent.ExecutionException
                    || cur instanceof java.lang.reflect.InvocationTargetException
                    || cur instanceof java.io.UncheckedIOException
                    || cur.getClass().getName().startsWith("picocli.")
                    || cur.getCause() instanceof SeshException)) {
            cur = cur.getCause();
        }
        return cur;
    }

    /**
     * The stack trace with every message passed through {@link Redactor#errorText}: Groovy puts
     * argument values (a write key, key bytes) into its exception text (issue 16 row 5).
     */
    static String trace(Throwable t) {
        StringBuilder b = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String prefix = "";
        for (Throwable cur = t; cur != null && seen.add(cur); cur = cur.getCause()) {
            String m = cur.getMessage();
            b.append(prefix).append(cur.getClass().getName()).append(m == null ? "" : ": " + Redactor.errorText(m)).append('\n');
            for (StackTraceElement e : cur.getStackTrace()) b.append("\tat ").append(e).append('\n');
            prefix = "Caused by: ";
        }
        return b.toString();
    }
}
