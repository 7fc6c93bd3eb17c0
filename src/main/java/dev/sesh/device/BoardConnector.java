package dev.sesh.device;

import java.util.List;

/**
 * Opens boards by the text a user gives ({@code /dev/ttyUSB0}, {@code tcp://...}, {@code sim:}) and
 * lists serial ports. {@code cli} builds the one implementation; the shell only sees this.
 */
public interface BoardConnector {
    /** Opens and handshakes; throws SeshException (exit 4) with a hint when the board cannot be reached. */
    Board open(String port);

    /**
     * Opens the simulated board {@code simPort} ({@code sim:PATH} only) with its own {@code gate}
     * instead of the session's: for a rehearsal on a twin (issue 23), whose changes are approved
     * inside the twin alone. Any other port is refused, so no gate but the session's ever guards
     * a link to a real board.
     */
    default Board openTwin(String simPort, dev.sesh.plan.ChangeGate gate) {
        throw dev.sesh.SeshException.failed("this connection cannot open a twin", "rehearse needs sesh's own board connector");
    }

    /** Serial ports the OS lists, USB bridges first. */
    List<SerialPortEntry> ports();
}
