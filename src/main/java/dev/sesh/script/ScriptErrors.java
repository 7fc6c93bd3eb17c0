package dev.sesh.script;

import dev.sesh.SeshException;
import groovy.lang.MissingFieldException;
import dev.sesh.plan.Redactor;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns whatever a script threw into one {@link ScriptError}: {@code file:line: message} plus a
 * hint. A {@code SeshException} keeps its message, hint and exit code (3 for a declined change);
 * Groovy's "no such property/method" become plain words; a syntax error exits 2 (nothing ran);
 * anything else exits 1. The line is the innermost stack frame in the script itself.
 */
final class ScriptErrors {
    private ScriptErrors() {}

    /**
     * {@code codeSourceName} is the name the script was compiled under (frames carry it; empty
     * means "do not locate": a one-line console entry); {@code shownName} is what the user sees
     * before the line number (empty: "line N").
     */
    static ScriptError of(Throwable thrown, String codeSourceName, String shownName, Bindings bound) {
        if (thrown instanceof ScriptError se) return se;
        if (thrown instanceof MultipleCompilationErrorsException mce) return syntax(mce, shownName, !codeSourceName.isEmpty());
        int line = lineIn(thrown, codeSourceName);
        SeshException sesh = seshCause(thrown);
        if (sesh instanceof ScriptError inner) return inner;
        if (sesh != null) return new ScriptError(shownName, line, sesh.getMessage(), sesh.hint(), sesh.exitCode(), thrown);
        Throwable t = unwrap(thrown);
        Optional<String> refusal = moduleRefusal(t);
        if (refusal.isPresent()) {
            return new ScriptError(shownName, line, "refused: scripts cannot reach sesh's internals (" + refusal.get() + ")",
                    "use the public methods of the bound objects: " + String.join(", ", bound.names()), SeshException.DECLINED, thrown);
        }
        if (t instanceof MissingPropertyException mpe && isScriptSide(mpe.getType())) {
            return new ScriptError(shownName, line, "no variable '" + mpe.getProperty() + "'",
                    "vars lists your variables; bound objects: " + String.join(", ", bound.names()), SeshException.FAILED, thrown);
        }
        if (t instanceof MissingMethodException mme) return missingMethod(mme, shownName, line, thrown);
        if (t instanceof MissingPropertyException mpe) {
            return new ScriptError(shownName, line, "no property '" + mpe.getProperty() + "' on " + typeName(mpe.getType()),
                    "type a dot after the object and press TAB to list its properties and methods", SeshException.FAILED, thrown);
        }
        String msg = t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + Redactor.errorText(firstLine(t.getMessage()));
        return new ScriptError(shownName, line, msg, "run with --debug for the stack trace", SeshException.FAILED, thrown);
    }

    private static ScriptError syntax(MultipleCompilationErrorsException e, String shownName, boolean located) {
        Message first = e.getErrorCollector().getErrors().isEmpty() ? null : e.getErrorCollector().getErrors().get(0);
        int line = 0;
        String msg = firstLine(e.getMessage());
        if (first instanceof SyntaxErrorMessage sem) {
            SyntaxException se = sem.getCause();
            line = located ? se.getStartLine() : 0;
            msg = firstLine(se.getOriginalMessage());
        } else if (first instanceof ExceptionMessage em && em.getCause() != null) {
            msg = firstLine(String.valueOf(em.getCause().getMessage()));
        }
        return new ScriptError(shownName, line, "syntax: " + msg, "fix the script; nothing in it was run", SeshException.USAGE, e);
    }

    private static ScriptError missingMethod(MissingMethodException e, String shownName, int line, Throwable thrown) {
        String args = Arrays.stream(e.getArguments())
                .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .collect(Collectors.joining(", "));
        if (isScriptSide(e.getType())) {
            return new ScriptError(shownName, line, "no function " + e.getMethod() + "(" + args + ")",
                    "helpers: " + String.join(", ", Helpers.NAMES.stream().sorted().toList()), SeshException.FAILED, thrown);
        }
        boolean named = Arrays.stream(e.getType().getMethods()).anyMatch(m -> m.getName().equals(e.getMethod()));
        String hint = !named
                ? "type a dot after the object and press TAB to list its methods"
                : e.getMethod() + " takes other arguments; TAB after the dot shows its signatures";
        return new ScriptError(shownName, line, "no method " + e.getMethod() + "(" + args + ") on " + typeName(e.getType()),
                hint, SeshException.FAILED, thrown);
    }

    private static final Pattern NOT_OPEN = Pattern.compile("module (dev\\.sesh) does not \"?(open|opens|export|exports) ([\\w.]+)");

    /**
     * Why the JVM refused a script access across the module boundary, if it did: dev.sesh opens
     * nothing to scripts and exports only its API (docs/decisions.md, JPMS strong encapsulation).
     * Groovy reports a private field or property it may not reach as missing; when the sesh type
     * does declare it, that is the same refusal.
     */
    static Optional<String> moduleRefusal(Throwable thrown) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof MissingFieldException mfe && isPrivateToSesh(mfe.getType(), mfe.getField())) {
                return Optional.of(mfe.getType().getSimpleName() + "." + mfe.getField() + " is private to module dev.sesh");
            }
            if (t instanceof MissingPropertyException mpe && isPrivateToSesh(mpe.getType(), mpe.getProperty())) {
                return Optional.of(mpe.getType().getSimpleName() + "." + mpe.getProperty() + " is private to module dev.sesh");
            }
            if (t instanceof MissingMethodException mme && isPrivateMethodOfSesh(mme.getType(), mme.getMethod())) {
                return Optional.of(mme.getType().getSimpleName() + "." + mme.getMethod() + "() is private to module dev.sesh");
            }
            boolean refused = t instanceof InaccessibleObjectException || t instanceof IllegalAccessException
                    || t instanceof IllegalAccessError || t instanceof IllegalCallerException
                    || String.valueOf(t.getMessage()).contains("InaccessibleObjectException");
            if (refused) {
                Matcher m = NOT_OPEN.matcher(String.valueOf(t.getMessage()));
                return Optional.of(m.find() ? "module dev.sesh does not " + m.group(2).replaceAll("s$", "") + " " + m.group(3) + " to scripts"
                        : firstLine(String.valueOf(t.getMessage())));
            }
        }
        return Optional.empty();
    }

    /** True if {@code type} is a sesh class in module dev.sesh with no public method {@code name} but a hidden one. */
    private static boolean isPrivateMethodOfSesh(Class<?> type, String name) {
        if (!inSeshModule(type) || name == null) return false;
        if (Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name))) return false;
        for (Class<?> c = type; c != null && c.getModule() == type.getModule(); c = c.getSuperclass()) {
            if (Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name))) return true;
        }
        return false;
    }

    private static boolean inSeshModule(Class<?> type) {
        return type != null && type.getModule().isNamed() && "dev.sesh".equals(type.getModule().getName());
    }

    /** True if {@code type} is a sesh class in a named module that declares a field {@code name}. */
    private static boolean isPrivateToSesh(Class<?> type, String name) {
        if (!inSeshModule(type) || name == null) return false;
        for (Class<?> c = type; c != null && c.getModule() == type.getModule(); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) return true;
            }
        }
        return false;
    }

    private static boolean isScriptSide(Class<?> type) {
        return type == null || Script.class.isAssignableFrom(type) || type == SeshBinding.class;
    }

    private static String typeName(Class<?> type) { return type == null ? "null" : type.getSimpleName(); }

    /** The innermost frame of the script: the line the user wrote that led to the error. */
    static int lineIn(Throwable t, String codeSourceName) {
        if (codeSourceName.isEmpty()) return 0;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cur = t; cur != null && seen.add(cur); cur = cur.getCause()) {
            for (StackTraceElement f : cur.getStackTrace()) {
                if (codeSourceName.equals(f.getFileName()) && f.getLineNumber() > 0) return f.getLineNumber();
            }
        }
        return 0;
    }

    private static SeshException seshCause(Throwable t) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cur = t; cur != null && seen.add(cur); cur = cur.getCause()) {
            if (cur instanceof SeshException se) return se;
        }
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur
                && (cur instanceof org.codehaus.groovy.runtime.InvokerInvocationException
                    || cur instanceof java.lang.reflect.InvocationTargetException
                    || cur instanceof java.lang.reflect.UndeclaredThrowableException)) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
