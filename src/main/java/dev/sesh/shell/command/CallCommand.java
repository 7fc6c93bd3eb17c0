package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.shell.Session;
import dev.sesh.shell.Suggest;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "call", description = "Call an RPC method, like mos call (params as JSON text)",
        footer = {"", "A method the board does not list (RPC.List) is refused before anything is sent (exit 2);",
                "a listed method not known to be read-only asks for confirmation first.",
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
        requireListed();
        String result = session.board().call(method, params);
        session.out().print(JsonOut.pretty(result));
        session.out().flush();
        return 0;
    }

    /** A mistyped name is a usage error, not a change to confirm: check it against RPC.List (a read). */
    private void requireListed() {
        if (session.board().cachedMethods().contains(method)) return;
        List<String> listed;
        try {
            listed = session.board().methods();
        } catch (dev.sesh.device.RemoteErrorException e) {
            return;                             // a board without RPC.List: the call itself will say what it thinks
        }
        if (listed.contains(method)) return;
        List<String> close = Suggest.closest(method, listed);
        throw SeshException.badArg("no method " + method + " on this board"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"),
                "rpc list shows the board's methods");
    }
}
