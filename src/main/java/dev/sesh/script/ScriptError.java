package dev.sesh.script;

import dev.sesh.SeshException;

/**
 * A script failed: the message starts with {@code file:line: } when the line is known (console
 * entries of one line carry no location). The exit code is the {@code SeshException}'s own when
 * one was thrown (3 for a declined change), else 1. The original throwable is the cause, printed
 * only with {@code --debug}.
 */
public final class ScriptError extends SeshException {
    private final String file;
    private final int line;

    public ScriptError(String file, int line, String message, String hint, int exitCode, Throwable cause) {
        super(location(file, line) + message, hint, exitCode, cause);
        this.file = file;
        this.line = line;
    }

    /** The script's file name, or empty for a console entry. */
    public String file() { return file; }

    /** 1-based line in the script, or 0 when unknown. */
    public int line() { return line; }

    private static String location(String file, int line) {
        if (line <= 0) return file.isEmpty() ? "" : file + ": ";
        return (file.isEmpty() ? "line " + line : file + ":" + line) + ": ";
    }
}
