package dev.sesh.shell.command;

import dev.sesh.shell.ResultPrinter;
import dev.sesh.shell.ScriptConsole;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "vars", description = "List the Groovy variables of this session (name, type, value)",
        footer = {"", "Examples:", "  x = board.info()", "  vars", "  vars --json"})
public final class VarsCommand implements Callable<Integer> {
    private static final int VALUE_WIDTH = 60;

    private final Session session;
    private final ScriptConsole scripts;

    @Option(names = "--json", description = "print {name: {type, value}} as JSON")
    boolean json;

    VarsCommand(Session session, ScriptConsole scripts) {
        this.session = session;
        this.scripts = scripts;
    }

    /** One variable as listed. */
    public record Var(String type, String value) {}

    @Override public Integer call() {
        Map<String, Object> vars = ScriptingOff.require(scripts).engine().variables();
        Map<String, Var> listed = new LinkedHashMap<>();
        vars.forEach((name, v) -> listed.put(name, new Var(v == null ? "null" : v.getClass().getSimpleName(), oneLine(v))));
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.of(listed));
        } else if (listed.isEmpty()) {
            session.err().println("no variables yet (x = board.info() makes one)");
        } else {
            Table t = Table.of("name", "type", "value");
            listed.forEach((name, v) -> t.row(name, v.type(), v.value()));
            session.out().print(t.render());
        }
        session.out().flush();
        session.err().flush();
        return 0;
    }

    private static String oneLine(Object v) {
        String text = ResultPrinter.format(v, false).strip().replaceFirst("^===> ", "").replaceAll("\\s*\\n\\s*", " ");
        return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 3) + "...";
    }
}
