package dev.sesh.shell;

import dev.sesh.script.Completion;
import dev.sesh.script.ScriptEngineFacade;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;

/**
 * Command completion and Groovy completion merged: a command line completes as its picocli
 * command does; a Groovy line completes bound objects, variables and helpers, then members after
 * a dot with their signatures as descriptions; a first word offers both command names and Groovy names.
 */
final class SeshCompleter implements Completer {
    private static final String GROUP = "groovy";

    private final Completer commands;
    private final ScriptEngineFacade engine;

    SeshCompleter(Completer commands, ScriptEngineFacade engine) {
        this.commands = commands;
        this.engine = engine;
    }

    @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (!(line instanceof SeshParser.GroovyLine g)) {
            commands.complete(reader, line, candidates);
            return;
        }
        if (g.atStart()) commands.complete(reader, line, candidates);
        for (Completion c : engine.complete(g.before())) {
            candidates.add(new Candidate(c.value(), c.value(), GROUP, c.description(), null, null, c.complete()));
        }
    }
}
