package dev.sesh.device;

/** One serial port as the OS lists it; {@code knownBridge} is true for USB bridges ESP boards use. */
public record SerialPortEntry(String path, String description, String vidPid, String serialNumber, boolean knownBridge) {}
