package dev.sesh.shell.command;

import dev.sesh.SeshException;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "trace", description = "Turn the decoded wire trace on or off: one line per RPC frame, ATECC packets decoded, secrets as lengths",
        footer = {"", "Each request prints as  --> #ID METHOD PARAMS  and its reply as  <-- #ID METHOD ok|error TIME RESULT.",
                "Inside I2C.Write/I2C.Read to the chip (0x60-0x67): the opcode and its params named, the CRC checked,",
                "the status byte named, wake/idle/sleep. Config-zone bytes are shown; keys and encrypted data are lengths.",
                "Trace lines go to stderr; --debug keeps its raw frame trace.", "",
                "Examples:", "  trace on", "  atca info", "  trace off", "  trace          (says whether it is on)",
                "  sesh --port /dev/ttyUSB0 --trace atca config show"})
public final class TraceCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(arity = "0..1", paramLabel = "on|off", completionCandidates = OnOff.class, description = "on or off; without it, whether the trace is on")
    String state;

    @Option(names = "--json", description = "print whether the trace is on as JSON")
    boolean json;

    public TraceCommand(Session session) { this.session = session; }

    /** Completion candidates for the switch. */
    public static final class OnOff implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return java.util.List.of("on", "off").iterator(); }
    }

    @Override public Integer call() {
        if (state != null) {
            switch (state) {
                case "on" -> session.trace(Optional.of(line -> {
                    session.err().println(line);
                    session.err().flush();
                }));
                case "off" -> session.trace(Optional.empty());
                default -> throw SeshException.badArg("trace takes on or off, not '" + state + "'", "trace on | trace off");
            }
        }
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.of(Map.of("trace", session.tracing())));
        } else {
            session.err().println("trace is " + (session.tracing() ? "on" : "off"));
        }
        session.out().flush();
        session.err().flush();
        return 0;
    }
}
