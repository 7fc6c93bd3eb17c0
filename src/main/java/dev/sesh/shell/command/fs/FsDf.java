package dev.sesh.shell.command.fs;

import dev.sesh.device.FsUsage;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "df", description = "Show the board's filesystem size, use and free space (Sys.GetInfo)",
        footer = {"", "Examples:", "  fs df", "  fs df --json"})
public final class FsDf implements Callable<Integer> {
    private final Session session;
    @Option(names = "--json", description = "print a JSON object (bytes)") boolean json;

    public FsDf(Session session) { this.session = session; }

    @Override public Integer call() {
        FsUsage u = session.board().fs().usage();
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.of(u));
        } else {
            Table t = Table.of("size", "used", "free", "use%").alignRight(0, 1, 2, 3);
            t.row(u.size(), u.used(), u.free(), u.size() == 0 ? "-" : String.format(Locale.ROOT, "%d%%", Math.round(100.0 * u.used() / u.size())));
            session.out().print(t.render());
        }
        session.out().flush();
        return 0;
    }
}
