package dev.sesh.shell.command;

import dev.sesh.device.SerialPortEntry;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ports", description = "List serial ports with USB VID:PID, serial number and description",
        footer = {"", "Ports marked * are USB serial bridges used by ESP boards; auto-detect picks one of those.",
                "", "Examples:", "  ports", "  ports --json"})
public final class PortsCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--json", description = "print a JSON array") boolean json;

    public PortsCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        List<SerialPortEntry> ports = session.connector().ports();
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.of(ports));
        } else if (ports.isEmpty()) {
            session.err().println("no serial ports found (use --port sim: for the simulated board)");
        } else {
            Table t = Table.of("", "port", "vid:pid", "serial", "description");
            for (SerialPortEntry p : ports) {
                t.row(p.knownBridge() ? "*" : "", p.path(), p.vidPid(), p.serialNumber(), p.description());
            }
            session.out().print(t.render());
        }
        session.out().flush();
        session.err().flush();
        return 0;
    }
}
