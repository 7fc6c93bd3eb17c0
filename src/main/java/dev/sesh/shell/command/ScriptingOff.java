package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.shell.ScriptConsole;

/** The one error for scripting commands in a registry built without a Groovy engine. */
final class ScriptingOff {
    private ScriptingOff() {}

    static ScriptConsole require(ScriptConsole scripts) {
        if (scripts == null) {
            throw SeshException.failed("Groovy scripting is not available in this session", "start sesh normally (the console, -c, or sesh run FILE)");
        }
        return scripts;
    }
}
