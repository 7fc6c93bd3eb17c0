package dev.sesh.device;

import java.util.List;

/**
 * Opens boards by the text a user gives ({@code /dev/ttyUSB0}, {@code tcp://...}, {@code sim:}) and
 * lists serial ports. {@code cli} builds the one implementation; the shell only sees this.
 */
public interface BoardConnector {
    /** Opens and handshakes; throws SeshException (exit 4) with a hint when the board cannot be reached. */
    Board open(String port);

    /** Serial ports the OS lists, USB bridges first. */
    List<SerialPortEntry> ports();
}
