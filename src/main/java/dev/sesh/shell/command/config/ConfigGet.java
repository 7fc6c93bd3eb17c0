package dev.sesh.shell.command.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "get", description = "Print the board's config, or one key's value (Config.Get)",
        footer = {"", "Examples:", "  config get", "  config get http", "  config get http.listen_addr", "  config get wifi --json"})
public final class ConfigGet implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", completionCandidates = ConfigKeyCandidates.class,
            description = "dotted key or group (default: everything)") String key;
    @Option(names = "--json", description = "print a JSON value (strings quoted)") boolean json;

    public ConfigGet(Session session) { this.session = session; }

    @Override public Integer call() {
        JsonNode v = session.board().config().node(key == null ? "" : key);
        if (json || session.jsonByDefault() || v.isContainerNode()) {
            session.out().print(JsonOut.of(v));
        } else {
            session.out().println(v.isNull() ? "" : v.asText());   // scalars bare, as mos config-get prints them
        }
        session.out().flush();
        return 0;
    }
}
