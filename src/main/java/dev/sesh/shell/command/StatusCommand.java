package dev.sesh.shell.command;

import dev.sesh.device.Board;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Show the connection: port, board id, link statistics, last error",
        footer = {"", "Examples:", "  status", "  status --json"})
public final class StatusCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--json", description = "print a JSON object") boolean json;

    public StatusCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<Board> b = session.runBoard();
        m.put("connected", b.isPresent());
        b.ifPresent(board -> {
            m.put("port", board.portText());
            m.put("board", board.id());
            m.putAll(board.linkStats());
        });
        Throwable last = session.errors().last();
        m.put("last_error", last == null ? "" : String.valueOf(last.getMessage()));
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.of(m));
        } else {
            Table t = Table.of("field", "value");
            m.forEach((k, v) -> t.row(k.replace('_', ' '), String.valueOf(v)));
            session.out().print(t.render());
        }
        session.out().flush();
        return 0;
    }
}
