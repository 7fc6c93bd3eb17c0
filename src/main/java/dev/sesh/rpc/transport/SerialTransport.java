package dev.sesh.rpc.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.sesh.SeshException;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A serial port through jSerialComm (mos-rpc.md 1.11, design.md 5.8): 8N1 at the given baud
 * (115200 by default), no hardware flow control, DTR and RTS deasserted right after opening so an
 * ESP auto-reset circuit keeps the chip running, then pending input discarded. XON/XOFF is handled
 * in user space by {@link XonXoff}. Reads poll the port every {@link #POLL_MS} ms; a port that
 * reports an error (cable pulled, pty closed) ends the stream, so {@link #read} returns -1.
 */
public final class SerialTransport extends StreamTransport {
    public static final int DEFAULT_BAUD = 115200;
    /** How long the pump waits in one native read; bounds how fast close() is noticed. */
    static final int POLL_MS = 100;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final System.Logger LOG = System.getLogger(SerialTransport.class.getName());

    private final SerialPort port;

    private SerialTransport(String name, Side side, SerialPort port, XonXoff flow) {
        super(name, side, flow);
        this.port = port;
        startPump();
    }

    /**
     * Opens {@code path} as a host. Throws {@link SeshException#unreachable} (exit 4) when the port
     * does not exist, is not ours to open (permissions) or another program holds it.
     */
    public static SerialTransport open(String path, int baud, XonXoff flow) {
        return open(path, baud, Side.HOST, flow);
    }

    /** Opens {@code path} for either side; the simulator serving a pty is the device. */
    public static SerialTransport open(String path, int baud, Side side, XonXoff flow) {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw SeshException.unreachable("no serial port " + path, "check the cable and the name; `sesh ports` lists serial ports");
        }
        if (!Files.isReadable(p) || !Files.isWritable(p)) {
            throw permissionDenied(path);
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw SeshException.unreachable("cannot use " + path + " as a serial port", "give a serial device such as /dev/ttyUSB0");
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, POLL_MS, 0);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            if (errno == EACCES) throw permissionDenied(path);
            if (errno == EBUSY) throw busy(path);
            // The path exists and is ours to open, so the usual cause is jSerialComm's exclusive lock,
            // which reports odd errno values (2 at a second open of a pty, measured).
            throw SeshException.unreachable(path + " is busy or not a serial port (error " + errno + ")",
                    "another program (mos console, screen, minicom, another sesh) may have it open; close it and retry");
        }
        // Asserting DTR/RTS resets ESP boards; a pty has no modem lines, so failure there is harmless.
        boolean lines = port.clearDTR() & port.clearRTS();
        if (!lines) LOG.log(Level.DEBUG, () -> path + ": no modem control lines (a pty?)");
        port.flushIOBuffers();
        return new SerialTransport(new PortSpec.Serial(path, baud).shortName(), side, port, flow);
    }

    private static SeshException permissionDenied(String path) {
        return SeshException.unreachable("permission denied on " + path,
                "add yourself to the dialout group (sudo usermod -aG dialout $USER) and log in again");
    }

    private static SeshException busy(String path) {
        return SeshException.unreachable(path + " is busy",
                "another program (mos console, screen, minicom, another sesh) has it open; close it and retry");
    }

    @Override public Kind kind() { return Kind.SERIAL; }

    @Override int rawRead(byte[] buf) throws IOException {
        int n = port.readBytes(buf, buf.length);
        if (n < 0 || (n == 0 && port.bytesAvailable() < 0)) return -1;
        return n;
    }

    @Override void rawWrite(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = port.writeBytes(b, len, off);
            if (n < 0) throw new IOException(name() + ": the serial port is gone");
            off += n;
            len -= n;
        }
    }

    @Override void rawClose() { port.closePort(); }
}
