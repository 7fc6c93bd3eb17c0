package dev.sesh.rpc.transport;

import dev.sesh.SeshException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which board to talk to (design.md 5.2): {@code --port}, else {@code SESH_PORT}, else the one
 * serial port whose USB id is a known ESP bridge ({@link UsbBridge}). Several bridges: an error
 * listing them, never a guess. None: {@link None}, which {@code cli} turns into the simulated
 * board for an interactive console, or exit 4 with the hint {@code --port sim:} otherwise.
 */
public final class PortChooser {
    private final PortLister lister;

    public PortChooser(PortLister lister) { this.lister = lister; }

    /** The outcome of {@link #choose}. */
    public sealed interface Choice permits Chosen, None {}

    /** A port to open, and in words how it was chosen for the banner ("--port", "SESH_PORT", "found CP210x 10C4:EA60"). */
    public record Chosen(PortSpec spec, String how) implements Choice {}

    /** No port given and no known bridge present; {@code others} are the ports seen and passed over. */
    public record None(List<SerialPortInfo> others) implements Choice {
        public None { others = List.copyOf(others); }

        /** The error a non-interactive run ends with (exit 4). */
        public SeshException toError() {
            String seen = others.isEmpty() ? "" : " (passed over " + others.stream().map(PortChooser::describe).collect(Collectors.joining(", "))
                    + ": not known USB serial bridges)";
            return SeshException.unreachable("no board found" + seen,
                    "connect a board or give --port DEVICE; for the simulated board use --port sim:");
        }
    }

    /**
     * Chooses. {@code portOption} and {@code seshPortEnv} are null or blank when not given;
     * {@code baud} applies to serial ports. Throws {@link SeshException#badArg} for an unparsable
     * port or when several known bridges are present.
     */
    public Choice choose(String portOption, String seshPortEnv, int baud) {
        if (portOption != null && !portOption.isBlank()) return new Chosen(PortSpec.parse(portOption, baud), "--port");
        if (seshPortEnv != null && !seshPortEnv.isBlank()) return new Chosen(PortSpec.parse(seshPortEnv, baud), "SESH_PORT");
        List<SerialPortInfo> bridges = new ArrayList<>();
        List<SerialPortInfo> others = new ArrayList<>();
        for (SerialPortInfo p : lister.list()) (UsbBridge.of(p).isPresent() ? bridges : others).add(p);
        if (bridges.size() == 1) {
            SerialPortInfo p = bridges.get(0);
            return new Chosen(new PortSpec.Serial(p.path(), baud), "found " + UsbBridge.of(p).orElseThrow().label() + " " + p.usbId());
        }
        if (bridges.size() > 1) {
            throw SeshException.badArg(bridges.size() + " boards found: " + bridges.stream().map(PortChooser::describe).collect(Collectors.joining(", ")),
                    "choose one with --port, e.g. --port " + bridges.get(0).path());
        }
        return new None(others);
    }

    /** "/dev/ttyUSB0 (CP210x 10C4:EA60, serial 0001)". */
    static String describe(SerialPortInfo p) {
        List<String> parts = new ArrayList<>();
        UsbBridge.of(p).ifPresent(b -> parts.add(b.label()));
        if (p.isUsb()) parts.add(p.usbId());
        if (!p.serialNumber().isEmpty()) parts.add("serial " + p.serialNumber());
        if (parts.isEmpty() && !p.description().isEmpty()) parts.add(p.description());
        return parts.isEmpty() ? p.path() : p.path() + " (" + String.join(", ", parts) + ")";
    }
}
