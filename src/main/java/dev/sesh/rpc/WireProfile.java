package dev.sesh.rpc;

import dev.sesh.rpc.transport.Transport;

/**
 * How sesh frames what it sends on one kind of link (docs/decisions.md, "sesh's wire profile";
 * mos-rpc.md 1.1, 1.4, 3). {@code delimited}: frames are {@code \n [Q3] json [crc] [Q3] \n};
 * otherwise the JSON text alone plus {@code \n} (a WebSocket transport makes it one message).
 * {@code handshake}: probe with Q3 EOF Q3 before the first call and again after a call timed out.
 */
public record WireProfile(boolean delimited, boolean q3, boolean crc, boolean handshake) {
    public static final WireProfile SERIAL = new WireProfile(true, true, true, true);
    public static final WireProfile TCP = new WireProfile(true, true, true, false);
    public static final WireProfile WEBSOCKET = new WireProfile(false, false, false, false);

    /** Short description for status output, e.g. "Q3+CRC frames, handshake" or "JSON messages". */
    @Override public String toString() {
        if (!delimited) return "JSON messages";
        String framing = (q3 ? "Q3" : "newline") + (crc ? "+CRC" : "") + " frames";
        return handshake ? framing + ", handshake" : framing;
    }

    public static WireProfile forKind(Transport.Kind kind) {
        return switch (kind) {
            case SERIAL, IN_PROCESS -> SERIAL;
            case TCP -> TCP;
            case WEBSOCKET, HTTP -> WEBSOCKET;
        };
    }
}
