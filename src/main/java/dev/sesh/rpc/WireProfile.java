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
    /**
     * A serial link with the fewest bytes: frames {@code \n json crc \n}, and a handshake probe
     * {@code \n EOF \n} with no Q3 acknowledgement, so the device never enters its Q3 compat mode
     * and its replies carry no Q3 either (mos-rpc.md 1.1, 1.3 steps 2-4, 1.4: the device accepts a
     * bare {@code json crc \n} at any time).
     */
    public static final WireProfile SERIAL_LEAN = new WireProfile(true, false, true, true);

    /** Short description for status output, e.g. "Q3+CRC frames, handshake" or "JSON messages". */
    @Override public String toString() {
        if (!delimited) return "JSON messages";
        String framing = (q3 ? "Q3" : "newline") + (crc ? "+CRC" : "") + " frames";
        return handshake ? framing + ", handshake" : framing;
    }

    /** {@link #forKind} with {@link #SERIAL_LEAN} for serial (and in-process) links. */
    public static WireProfile leanForKind(Transport.Kind kind) {
        return kind == Transport.Kind.SERIAL || kind == Transport.Kind.IN_PROCESS ? SERIAL_LEAN : forKind(kind);
    }

    public static WireProfile forKind(Transport.Kind kind) {
        return switch (kind) {
            case SERIAL, IN_PROCESS -> SERIAL;
            case TCP -> TCP;
            case WEBSOCKET, HTTP -> WEBSOCKET;
        };
    }
}
