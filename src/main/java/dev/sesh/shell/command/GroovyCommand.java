package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.shell.ScriptConsole;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "groovy", description = "At the console: open a multi-line Groovy block, ended by a lone '.'; elsewhere: evaluate CODE",
        footer = {"", "Examples:", "  groovy", "  slots = []", "  (0..3).each { slots << it }", "  .",
                "  sesh --port sim: groovy 'board.info().id'"})
public final class GroovyCommand implements Callable<Integer> {
    private final ScriptConsole scripts;

    @Parameters(arity = "0..*", paramLabel = "CODE", description = "Groovy to evaluate (joined by spaces)")
    List<String> code;

    GroovyCommand(Session session, ScriptConsole scripts) { this.scripts = scripts; }

    @Override public Integer call() {
        ScriptConsole s = ScriptingOff.require(scripts);
        if (code == null || code.isEmpty()) {
            throw SeshException.badArg("groovy alone opens a block only at the console",
                    "give the code: groovy 'board.info().id', or type groovy at the prompt, then lines, then a lone '.'");
        }
        return s.evaluate(String.join(" ", code));
    }
}
