package dev.sesh.rpc.transport;

import java.util.Optional;

/**
 * The USB serial bridges found on ESP8266/ESP32 boards, by USB VID:PID. Only these are candidates
 * for auto-detection (design.md 5.2): a port with any other id (a modem, a GPS, a debugger) is
 * never opened without {@code --port}.
 */
public enum UsbBridge {
    CP210X("CP210x", 0x10C4, 0xEA60, 0xEA70, 0xEA71),
    CH34X("CH340", 0x1A86, 0x7523, 0x5523),
    CH9102("CH9102/CH343", 0x1A86, 0x55D4, 0x55D3),
    FTDI("FTDI", 0x0403, 0x6001, 0x6010, 0x6011, 0x6014, 0x6015),
    // 1001: the USB Serial/JTAG unit of ESP32-C3/S3/C6; 0002: ESP32-S2 ROM; 4001/4002: TinyUSB CDC defaults.
    ESPRESSIF("Espressif USB", 0x303A, 0x1001, 0x0002, 0x4001, 0x4002);

    private final String label;
    private final int vendorId;
    private final int[] productIds;

    UsbBridge(String label, int vendorId, int... productIds) {
        this.label = label;
        this.vendorId = vendorId;
        this.productIds = productIds;
    }

    /** Short name for listings: "CP210x". */
    public String label() { return label; }

    public static Optional<UsbBridge> of(SerialPortInfo port) {
        if (!port.isUsb()) return Optional.empty();
        for (UsbBridge b : values()) {
            if (b.vendorId != port.vendorId()) continue;
            for (int pid : b.productIds) if (pid == port.productId()) return Optional.of(b);
        }
        return Optional.empty();
    }
}
