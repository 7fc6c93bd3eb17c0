package dev.sesh.shell.command.config;

import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "keys", description = "List every config key (dotted), in the board's order",
        footer = {"", "Examples:", "  config keys", "  config keys | grep ssl"})
public final class ConfigKeysCommand implements Callable<Integer> {
    private final Session session;
    @Option(names = "--json", description = "print a JSON array") boolean json;

    public ConfigKeysCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        List<String> keys = session.board().config().keys();
        if (json || session.jsonByDefault()) session.out().print(JsonOut.of(keys));
        else keys.forEach(session.out()::println);
        session.out().flush();
        return 0;
    }
}
