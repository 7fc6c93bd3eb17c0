package dev.sesh.shell.command;

import dev.sesh.device.Board;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "connect", description = "Connect to a board (closes the current connection)",
        footer = {"", "Examples:", "  connect /dev/ttyUSB0", "  connect tcp://127.0.0.1:7777", "  connect sim:"})
public final class ConnectCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "PORT", description = "serial device, tcp://HOST:PORT, ws://HOST/rpc, https://HOST:PORT/rpc, sim: or sim:PATH")
    String port;

    public ConnectCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        Board b = session.connect(port);
        session.err().println("connected to " + b.portText() + " (" + b.id() + ")");
        session.err().flush();
        return 0;
    }
}
