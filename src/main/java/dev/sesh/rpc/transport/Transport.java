package dev.sesh.rpc.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * A byte stream to a board (or, on the simulator's side, to a host). The transport owns no
 * protocol: framing, CRC and the handshake live in {@code rpc.frame} and {@code rpc}.
 * Serial and TCP transports strip XON/XOFF from what they read and honour a peer's XOFF for up to
 * 2 s when writing (design.md 5.8). A WebSocket transport turns each message into one
 * newline-terminated line on read, and each written frame into one message; an HTTP transport
 * does the same with one POST per frame.
 */
public interface Transport extends Closeable {
    /** Short human name for prompts and banners: "ttyUSB0", "tcp 127.0.0.1:7777", "sim". */
    String name();

    Kind kind();

    /** Writes all bytes (blocking while the peer holds XOFF, at most 2 s). */
    void write(byte[] b, int off, int len) throws IOException;

    default void write(byte[] b) throws IOException { write(b, 0, b.length); }

    /**
     * Reads what is available into {@code buf}, waiting at most {@code timeoutMs} for the first
     * byte. Returns the count read, 0 on timeout, or -1 once the stream has ended (peer closed,
     * cable pulled).
     */
    int read(byte[] buf, int off, int len, int timeoutMs) throws IOException;

    @Override void close() throws IOException;

    /**
     * The largest frame JSON (bytes, UTF-8) this link delivers to the board in one piece; callers
     * that split data into requests (FS.Put chunks) size them from it. Unlimited here; the network
     * links are bound by the firmware's 3072-byte receive buffer (docs/decisions.md, "frame sizes
     * on network links").
     */
    default int maxFrameBytes() { return Integer.MAX_VALUE; }

    /** The transport kinds; each decides sesh's wire profile (docs/decisions.md, "wire profile"). */
    enum Kind { SERIAL, TCP, WEBSOCKET, HTTP, IN_PROCESS }

    /**
     * Which end of the link a transport serves. A {@code HOST} transport refuses to send XON/XOFF
     * (mos-rpc.md 1.5: a client never sends them stray); a {@code DEVICE} transport, handed to the
     * simulator by a listener, passes them because a device sends them as flow control.
     */
    enum Side { HOST, DEVICE }
}
