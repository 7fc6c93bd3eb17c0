package dev.sesh.script;

/** Thrown by the {@code exit(n)} helper: ends a script with exit code {@code n}; not an error. */
final class ScriptExit extends RuntimeException {
    private final int code;

    ScriptExit(int code) {
        super("exit " + code, null, false, false);
        this.code = code;
    }

    int code() { return code; }
}
