package dev.sesh.shell.command;

import dev.sesh.shell.ScriptConsole;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "run", description = "Run a Groovy script file with arguments (bound as args); changes ask as commands do",
        footer = {"", "Exit code: 0 ok, 1 uncaught error, 2 syntax error or no such file, 3 a change was declined,",
                "or the code of the sesh error that stopped it, or the script's exit(n).",
                "", "Examples:", "  run scripts/examples/inspect-board.groovy", "  run provision.groovy --slot 0"})
public final class RunCommand implements Callable<Integer> {
    private final Session session;
    private final ScriptConsole scripts;

    @Mixin ScriptFileArgs script = new ScriptFileArgs();

    RunCommand(Session session, ScriptConsole scripts) {
        this.session = session;
        this.scripts = scripts;
    }

    @Override public Integer call() {
        int code = ScriptingOff.require(scripts).runFile(script.file, script.args);
        session.err().flush();
        return code;
    }
}
