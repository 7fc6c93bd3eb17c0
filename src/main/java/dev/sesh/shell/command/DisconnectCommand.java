package dev.sesh.shell.command;

import dev.sesh.shell.Session;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "disconnect", description = "Close the connection to the board",
        footer = {"", "Examples:", "  disconnect", "  connect sim:       then open another"})
public final class DisconnectCommand implements Callable<Integer> {
    private final Session session;

    public DisconnectCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        String what = session.board().portText();
        session.disconnect();
        session.err().println("disconnected from " + what);
        session.err().flush();
        return 0;
    }
}
