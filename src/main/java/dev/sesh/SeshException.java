package dev.sesh;

/**
 * An error the user can act on: one line of message, one line of hint, and the exit code a
 * non-interactive run ends with (design.md 5.14: 1 failed, 2 usage, 3 declined, 4 unreachable).
 * Lower layers throw subclasses; {@code shell.ErrorReporter} is the only place that prints them.
 */
public class SeshException extends RuntimeException {
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int DECLINED = 3;
    public static final int UNREACHABLE = 4;

    private final String hint;
    private final int exitCode;

    public SeshException(String message, String hint, int exitCode) {
        this(message, hint, exitCode, null);
    }

    public SeshException(String message, String hint, int exitCode, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
        this.exitCode = exitCode;
    }

    /** A bad argument or input file: nothing was sent (exit 2). */
    public static SeshException badArg(String message, String hint) {
        return new SeshException(message, hint, USAGE);
    }

    /** The board or chip refused or failed (exit 1). */
    public static SeshException failed(String message, String hint) {
        return new SeshException(message, hint, FAILED);
    }

    /** The board could not be reached (exit 4). */
    public static SeshException unreachable(String message, String hint) {
        return new SeshException(message, hint, UNREACHABLE);
    }

    /** A change was declined, or refused for lack of a terminal (exit 3). */
    public static SeshException declined(String message, String hint) {
        return new SeshException(message, hint, DECLINED);
    }

    public String hint() { return hint; }

    public int exitCode() { return exitCode; }
}
