package dev.sesh.shell.command.config;

import dev.sesh.device.ConfigDiffEntry;
import dev.sesh.device.DeviceConfig;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", description = "Show the keys whose live value differs from the defaults (Config.Get level 0-8 vs live)",
        footer = {"", "Examples:", "  config diff", "  config diff --level 0      (against the firmware's compiled-in defaults)"})
public final class ConfigDiff implements Callable<Integer> {
    private final Session session;
    @Option(names = "--level", paramLabel = "N", description = "defaults = levels 0..N (default ${DEFAULT-VALUE}: everything below the user's conf9)")
    int level = DeviceConfig.DEFAULTS_LEVEL;
    @Option(names = "--json", description = "print a JSON array") boolean json;

    public ConfigDiff(Session session) { this.session = session; }

    @Override public Integer call() {
        List<ConfigDiffEntry> d = session.board().config().diff(level);
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.of(d));
        } else if (d.isEmpty()) {
            session.err().println("no differences from levels 0-" + level);
        } else {
            Table t = Table.of("key", "default", "live");
            d.forEach(e -> t.row(e.key(), e.defaultValue(), e.liveValue()));
            session.out().print(t.render());
        }
        session.out().flush();
        session.err().flush();
        return 0;
    }
}
