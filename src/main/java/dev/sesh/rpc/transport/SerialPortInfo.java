package dev.sesh.rpc.transport;

/**
 * One serial port as the operating system lists it. {@code vendorId}/{@code productId} are the
 * USB ids (0..0xFFFF), or {@link #NO_ID} for ports that are not USB devices. Text fields are never
 * null; unknown ones are empty.
 */
public record SerialPortInfo(String path, String description, int vendorId, int productId, String serialNumber, String manufacturer) {
    public static final int NO_ID = -1;

    public SerialPortInfo {
        description = clean(description);
        serialNumber = clean(serialNumber);
        manufacturer = clean(manufacturer);
    }

    /** A port without USB ids or extra text, e.g. a pty or /dev/ttyS0. */
    public static SerialPortInfo plain(String path) { return new SerialPortInfo(path, "", NO_ID, NO_ID, "", ""); }

    public boolean isUsb() { return vendorId >= 0 && productId >= 0; }

    /** {@code VVVV:PPPP} in upper-case hex, as lsusb prints it; empty when not USB. */
    public String usbId() { return isUsb() ? String.format("%04X:%04X", vendorId, productId) : ""; }

    private static String clean(String s) {
        // jSerialComm reports missing strings as "Unknown".
        return s == null || s.isBlank() || s.equals("Unknown") ? "" : s.strip();
    }
}
