package dev.sesh.shell.command;

import dev.sesh.shell.ScriptConsole;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "reset", description = "Forget every Groovy variable and import (board, i2c, atca, fs, config, x509 stay)",
        footer = {"", "Examples:", "  reset"})
public final class ResetCommand implements Callable<Integer> {
    private final Session session;
    private final ScriptConsole scripts;

    ResetCommand(Session session, ScriptConsole scripts) {
        this.session = session;
        this.scripts = scripts;
    }

    @Override public Integer call() {
        int count = ScriptingOff.require(scripts).engine().variables().size();
        scripts.engine().reset();
        session.err().println("cleared " + count + (count == 1 ? " variable" : " variables") + " and the imports");
        session.err().flush();
        return 0;
    }
}
