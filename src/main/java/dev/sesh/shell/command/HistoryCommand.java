package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import org.jline.reader.History;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "history", description = "Show console history (shared across runs; lines with secrets are never kept)",
        footer = {"", "Examples:", "  history          the last 20 lines", "  history 100", "  history --grep atca",
                "  history --json", "Ctrl-R searches history while typing; !N is not expanded."})
public final class HistoryCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COUNT", defaultValue = "20", description = "how many entries (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--grep", paramLabel = "TEXT", description = "only entries containing TEXT (case-insensitive)")
    String grep;

    @Option(names = "--json", description = "print a JSON array of {index, line}")
    boolean json;

    public HistoryCommand(Session session) { this.session = session; }

    /** One history entry: its number (as Ctrl-R and the history file count them) and text. */
    public record Entry(int index, String line) { }

    @Override public Integer call() {
        History h = session.history().orElseThrow(() -> SeshException.badArg("no history outside the console",
                "history lives in $SESH_HOME/history; open the console with sesh"));
        String needle = grep == null ? null : grep.toLowerCase(Locale.ROOT);
        List<Entry> all = new ArrayList<>();
        for (History.Entry e : h) {
            if (needle == null || e.line().toLowerCase(Locale.ROOT).contains(needle)) all.add(new Entry(e.index() + 1, e.line()));
        }
        List<Entry> shown = all.subList(Math.max(0, all.size() - Math.max(0, count)), all.size());
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.of(shown));
        } else {
            int w = shown.isEmpty() ? 1 : String.valueOf(shown.get(shown.size() - 1).index()).length();
            for (Entry e : shown) session.out().printf("%" + w + "d  %s%n", e.index(), e.line());
        }
        session.out().flush();
        return 0;
    }
}
