package dev.sesh.script;

import java.util.List;
import java.util.Map;

/**
 * sesh's small interface over the script engine (style.md: "JLine branches"): the console and the
 * {@code run} command talk only to this, and tests drive it directly. Every error an evaluation
 * raises reaches the caller as a {@link ScriptError} (a {@code SeshException} with the script's
 * file and line and the exit code a run ends with).
 */
public interface ScriptEngineFacade {
    /**
     * Evaluates one console entry (one or more lines). Variables assigned, declared with
     * {@code def}, and imports persist for later entries. Returns the value of the last expression,
     * null when there is none. Blocks until the engine has finished starting.
     */
    Object eval(String source);

    /**
     * Runs a whole script in a fresh set of variables (the bound objects stay), with {@code args}
     * bound as {@code String[] args}. {@code fileName} names the script in error locations.
     * Returns the script's exit code: 0, or what it passed to {@code exit(n)}.
     */
    int run(String source, String fileName, List<String> args);

    /** The user's variables, by name in first-assigned order (bound objects and helpers excluded). */
    Map<String, Object> variables();

    /** True if {@code name} is a variable, a bound object or a helper; never blocks. */
    boolean defines(String name);

    /** Forgets every variable and import; the bound objects stay. */
    void reset();

    /** Completion candidates for the Groovy text left of the cursor (see {@link MemberCompletion}). */
    List<Completion> complete(String textBeforeCursor);

    /** True once the engine has started, so {@link #eval} will not wait for start-up. */
    boolean isReady();

    /** Starts the engine on a background thread now, if it has not started (returns at once). */
    default void startInBackground() { }

    /** Waits until an engine that is starting has started (or failed to); returns at once if none is. */
    default void awaitStarting() { }
}
