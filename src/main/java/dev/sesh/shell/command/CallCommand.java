package dev.sesh.shell.command;

import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "call", description = "Call an RPC method, like mos call (params as JSON text)",
        footer = {"", "A method not known to be read-only asks for confirmation first.",
                "", "Examples:", "  call Sys.GetInfo", "  call RPC.Describe '{\"name\":\"Sys.Reboot\"}'",
                "  call FS.List '{\"path\":\"/\"}'"})
public final class CallCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "METHOD", description = "method name, e.g. Sys.GetInfo",
            completionCandidates = RpcMethodCandidates.class)
    String method;

    @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", description = "params as one JSON value, e.g. '{\"path\":\"/\"}'")
    String params;

    public CallCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        String result = session.board().call(method, params);
        session.out().print(JsonOut.pretty(result));
        session.out().flush();
        return 0;
    }
}
