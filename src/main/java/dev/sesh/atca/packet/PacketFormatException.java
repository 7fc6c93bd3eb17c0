package dev.sesh.atca.packet;

/** A byte group that is not a well-formed command or response group (bad count or CRC). */
public final class PacketFormatException extends RuntimeException {
    private final boolean crcError;

    public PacketFormatException(String message, boolean crcError) {
        super(message);
        this.crcError = crcError;
    }

    /** True if only the CRC was wrong (the chip answers 0xFF for this). */
    public boolean crcError() { return crcError; }
}
