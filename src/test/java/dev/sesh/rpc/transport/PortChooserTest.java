package dev.sesh.rpc.transport;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PortChooserTest {
    private static final SerialPortInfo CP2102 = new SerialPortInfo("/dev/ttyUSB0", "CP2102 USB to UART Bridge Controller", 0x10C4, 0xEA60, "0001", "Silicon Labs");
    private static final SerialPortInfo CH340 = new SerialPortInfo("/dev/ttyUSB1", "USB Serial", 0x1A86, 0x7523, "", "");
    private static final SerialPortInfo ESP_JTAG = new SerialPortInfo("/dev/ttyACM0", "USB JTAG/serial debug unit", 0x303A, 0x1001, "84:F7:03:A0:F3:80", "Espressif");
    private static final SerialPortInfo MODEM = new SerialPortInfo("/dev/ttyACM1", "LTE modem", 0x2C7C, 0x0125, "", "Quectel");
    private static final SerialPortInfo ONBOARD = SerialPortInfo.plain("/dev/ttyS0");

    private static PortChooser with(SerialPortInfo... ports) { return new PortChooser(() -> List.of(ports)); }

    @Test void noPortsMeansNone() {
        assertEquals(new PortChooser.None(List.of()), with().choose(null, null, 115200));
    }

    @Test void singleKnownBridgeIsChosen() {
        var c = assertInstanceOf(PortChooser.Chosen.class, with(ONBOARD, CP2102).choose(null, "", 115200));
        assertEquals(new PortSpec.Serial("/dev/ttyUSB0", 115200), c.spec());
        assertEquals("found CP210x 10C4:EA60", c.how());
    }

    @Test void espressifNativeUsbCountsAsABridge() {
        var c = assertInstanceOf(PortChooser.Chosen.class, with(ESP_JTAG).choose(null, null, 921600));
        assertEquals(new PortSpec.Serial("/dev/ttyACM0", 921600), c.spec());
    }

    @Test void twoKnownBridgesAreListedNotGuessed() {
        SeshException e = assertThrows(SeshException.class, () -> with(CP2102, MODEM, CH340).choose(null, null, 115200));
        assertEquals(SeshException.USAGE, e.exitCode());
        assertEquals("2 boards found: /dev/ttyUSB0 (CP210x, 10C4:EA60, serial 0001), /dev/ttyUSB1 (CH340, 1A86:7523)", e.getMessage());
        assertEquals("choose one with --port, e.g. --port /dev/ttyUSB0", e.hint());
    }

    @Test void unknownVidPidAndPlainPortsAreIgnored() {
        var none = assertInstanceOf(PortChooser.None.class, with(MODEM, ONBOARD).choose(null, null, 115200));
        assertEquals(List.of(MODEM, ONBOARD), none.others());
        SeshException e = none.toError();
        assertEquals(SeshException.UNREACHABLE, e.exitCode());
        assertEquals("no board found (passed over /dev/ttyACM1 (2C7C:0125), /dev/ttyS0: not known USB serial bridges)", e.getMessage());
        assertEquals("connect a board or give --port DEVICE; for the simulated board use --port sim:", e.hint());
    }

    @Test void seshPortWinsOverDetection() {
        var c = assertInstanceOf(PortChooser.Chosen.class, with(CP2102).choose(null, "tcp://127.0.0.1:7777", 115200));
        assertEquals(new PortSpec.Tcp("127.0.0.1", 7777), c.spec());
        assertEquals("SESH_PORT", c.how());
    }

    @Test void portOptionWinsOverSeshPortAndDetection() {
        var c = assertInstanceOf(PortChooser.Chosen.class, with(CP2102, CH340).choose("sim:", "tcp://127.0.0.1:7777", 115200));
        assertInstanceOf(PortSpec.Sim.class, c.spec());
        assertEquals("--port", c.how());
    }

    @Test void blankValuesCountAsNotGiven() {
        var c = assertInstanceOf(PortChooser.Chosen.class, with(CH340).choose("  ", " ", 115200));
        assertEquals("found CH340 1A86:7523", c.how());
    }

    @Test void unknownStringsFromTheOsBecomeEmpty() {
        SerialPortInfo p = new SerialPortInfo("/dev/ttyS0", "Unknown", -1, -1, null, "Unknown");
        assertEquals(SerialPortInfo.plain("/dev/ttyS0"), p);
        assertEquals("", p.usbId());
    }
}
