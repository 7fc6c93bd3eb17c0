package dev.sesh.shell.command;

import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rpc", description = "List and describe the board's RPC methods",
        subcommands = {RpcCommand.ListMethods.class, RpcCommand.Describe.class},
        footer = {"", "Examples:", "  rpc              same as rpc list", "  rpc list", "  rpc describe Sys.SetDebug"})
public final class RpcCommand implements Callable<Integer> {
    private final Session session;

    public RpcCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        return new ListMethods(session).call();
    }

    @Command(name = "list", description = "List the board's RPC methods (RPC.List), sorted",
            footer = {"", "Examples:", "  rpc list", "  rpc list --json"})
    public static final class ListMethods implements Callable<Integer> {
        private final Session session;
        @Option(names = "--json", description = "print a JSON array") boolean json;

        public ListMethods(Session session) { this.session = session; }

        @Override public Integer call() {
            List<String> names = session.board().methods().stream().sorted().toList();
            if (json || session.jsonByDefault()) {
                session.out().print(JsonOut.of(names));
            } else {
                names.forEach(session.out()::println);
            }
            session.out().flush();
            return 0;
        }
    }

    @Command(name = "describe", description = "Show a method's argument format (RPC.Describe)",
            footer = {"", "Examples:", "  rpc describe FS.Put"})
    public static final class Describe implements Callable<Integer> {
        private final Session session;
        @Parameters(index = "0", paramLabel = "METHOD", completionCandidates = RpcMethodCandidates.class,
                description = "method name as RPC.List gives it (Tab completes)") String method;
        @Option(names = "--json", description = "print the board's JSON") boolean json;

        public Describe(Session session) { this.session = session; }

        @Override public Integer call() {
            String fmt = session.board().describe(method);
            if (json || session.jsonByDefault()) {
                session.out().print(JsonOut.of(java.util.Map.of("name", method, "args_fmt", fmt)));
            } else {
                session.out().println(method + " " + (fmt.isEmpty() ? "(no arguments)" : fmt));
            }
            session.out().flush();
            return 0;
        }
    }
}
