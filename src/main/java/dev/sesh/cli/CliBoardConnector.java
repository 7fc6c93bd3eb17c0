package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.bytes.Clock;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Redactor;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.WireTrace;
import dev.sesh.rpc.transport.PortLister;
import dev.sesh.rpc.transport.PortSpec;
import dev.sesh.rpc.transport.TcpTransport;
import dev.sesh.rpc.transport.SerialPortInfo;
import dev.sesh.rpc.transport.Transport;
import dev.sesh.rpc.transport.TransportFactory;
import dev.sesh.rpc.transport.UsbBridge;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens boards for the shell: port text -> {@link PortSpec} -> transport -> {@link RpcClient} ->
 * {@link Board}, then a first Sys.GetInfo so an unreachable board is found at once (exit 4).
 */
final class CliBoardConnector implements BoardConnector {
    private final TransportFactory transports;
    private final PortLister lister;
    private final RpcOptions rpcOptions;
    private final ChangeGate gate;
    private final Clock clock;
    private final int baud;
    private final Consumer<String> wireTrace;
    private boolean completionCaches = true;

    CliBoardConnector(TransportFactory transports, PortLister lister, RpcOptions rpcOptions, ChangeGate gate,
                      Clock clock, int baud, Consumer<String> wireTraceOrNull) {
        this.transports = transports;
        this.lister = lister;
        this.rpcOptions = rpcOptions;
        this.gate = gate;
        this.clock = clock;
        this.baud = baud;
        this.wireTrace = wireTraceOrNull;
    }

    /** Boards opened from now on refresh no completion caches (a one-shot run; Board#completionCaches). */
    CliBoardConnector withoutCompletionCaches() {
        completionCaches = false;
        return this;
    }

    @Override public Board open(String port) { return open(PortSpec.parse(port, baud)); }

    @Override public Board openTwin(String simPort, ChangeGate twinGate) {
        PortSpec spec = PortSpec.parse(simPort, baud);
        if (!(spec instanceof PortSpec.Sim sim) || sim.inMemory()) {
            throw SeshException.badArg(simPort + " is not a twin's folder (sim:PATH)", "a rehearsal opens only the twin sesh made");
        }
        return open(spec, twinGate);
    }

    Board open(PortSpec spec) { return open(spec, gate); }

    private Board open(PortSpec spec, ChangeGate gate) {
        Transport t;
        try {
            t = transports.open(spec);
        } catch (SeshException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw SeshException.unreachable("cannot open " + spec.text() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    "check the port name (sesh ports lists serial ports), or use --port sim: for the simulated board");
        }
        // The guard at the link (design.md 5.9): every request this board's client sends is checked
        // against the tickets of the session's one gate.
        dev.sesh.plan.LinkGuard guard = gate.guardFor(spec.text());
        RpcClient rpc = new RpcClient(t, rpcOptions, guard::admit);
        if (wireTrace != null) rpc.addWireTrace(WireTrace.lines(wireTrace, new Redactor()::json));   // one Redactor per link: it remembers secret FS.Put names
        // sim serve answers a second client with one line and hangs up: say that, not "check the cable".
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Consumer<String> busyLine = line -> { if (line.strip().equals(TcpTransport.SERVER_BUSY_LINE.strip())) busy.set(true); };
        rpc.addLogListener(busyLine);
        Board b = new Board(rpc, spec.text(), spec.shortName(), gate, clock);
        b.completionCaches(completionCaches);
        try {
            b.info();
        } catch (RuntimeException e) {
            b.close();
            if (busy.get()) throw busy(spec.text(), e);
            throw e;
        } finally {
            rpc.removeLogListener(busyLine);
        }
        return b;
    }

    private static SeshException busy(String port, Throwable cause) {
        return new SeshException("the board is busy: sim serve serves one client at a time",
                "close the other client on " + port + " (a console, or a log --follow), or serve more boards: sesh sim serve --boards N",
                SeshException.UNREACHABLE, cause);
    }

    @Override public List<SerialPortEntry> ports() {
        return lister.list().stream()
                .map(CliBoardConnector::entry)
                .sorted(Comparator.comparing((SerialPortEntry e) -> !e.knownBridge()).thenComparing(SerialPortEntry::path))
                .toList();
    }

    private static SerialPortEntry entry(SerialPortInfo p) {
        return new SerialPortEntry(p.path(), p.description(), p.isUsb() ? p.usbId() : "", p.serialNumber(), UsbBridge.of(p).isPresent());
    }
}
