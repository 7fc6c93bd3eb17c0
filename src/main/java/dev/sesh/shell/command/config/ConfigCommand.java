package dev.sesh.shell.command.config;

import dev.sesh.shell.Session;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The {@code config} group: the board's configuration (Config.*). Alone it prints the whole config, as {@code config get}. */
@Command(name = "config", description = "Board configuration: get, set, diff, keys",
        subcommands = {ConfigGet.class, ConfigSet.class, ConfigDiff.class, ConfigKeysCommand.class},
        footer = {"", "Examples:", "  config get http", "  config set http.listen_addr=:443 http.ssl_key=ATCA:0", "  config diff"})
public final class ConfigCommand implements Callable<Integer> {
    private final Session session;

    public ConfigCommand(Session session) { this.session = session; }

    @Override public Integer call() { return new ConfigGet(session).call(); }
}
