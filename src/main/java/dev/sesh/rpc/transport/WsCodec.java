package dev.sesh.rpc.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * RFC 6455 section 5.2 frame layout, server side: reads masked client frames, writes unmasked ones.
 * Public for the simulated board's HTTP server, which upgrades {@code /rpc} on its own port.
 */
public final class WsCodec {
    public static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;
    /** Close status codes, RFC 6455 section 7.4.1. */
    public static final int NORMAL = 1000, PROTOCOL_ERROR = 1002, INVALID_DATA = 1007, TOO_BIG = 1009;

    private WsCodec() {}

    /** One frame as received. {@code masked} tells whether the client masked it (it must). */
    public record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        public boolean control() { return (opcode & 0x8) != 0; }
    }

    /** A protocol violation; the connection is closed with {@code status}. */
    public static final class ProtocolException extends IOException {
        public final int status;

        public ProtocolException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Reads one frame; refuses payloads over {@code maxPayload} before reading them. */
    public static Frame read(InputStream in, long maxPayload) throws IOException {
        int b0 = readByte(in);
        int b1 = readByte(in);
        boolean masked = (b1 & 0x80) != 0;
        long len = b1 & 0x7F;
        if (len == 126) {
            len = ((long) readByte(in) << 8) | readByte(in);
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) len = (len << 8) | readByte(in);
            if (len < 0) throw new ProtocolException(PROTOCOL_ERROR, "64-bit length with the top bit set");
        }
        if (len > maxPayload) throw new ProtocolException(TOO_BIG, "frame of " + len + " bytes is over " + maxPayload);
        byte[] key = masked ? readFully(in, 4) : null;
        byte[] payload = readFully(in, (int) len);
        if (masked) {
            for (int i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
        }
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 0x7, b0 & 0x0F, masked, payload);
    }

    /** Writes one unmasked final frame (servers never mask, RFC 6455 section 5.1). */
    public static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        int len = payload.length;
        byte[] head;
        if (len < 126) {
            head = new byte[] {(byte) (0x80 | opcode), (byte) len};
        } else if (len <= 0xFFFF) {
            head = new byte[] {(byte) (0x80 | opcode), 126, (byte) (len >> 8), (byte) len};
        } else {
            head = new byte[10];
            head[0] = (byte) (0x80 | opcode);
            head[1] = 127;
            for (int i = 0; i < 8; i++) head[9 - i] = (byte) ((long) len >>> (8 * i));
        }
        // One write per frame: a header and payload in two segments would meet Nagle and delayed ACK.
        byte[] frame = new byte[head.length + payload.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(payload, 0, frame, head.length, payload.length);
        out.write(frame);
        out.flush();
    }

    public static byte[] closePayload(int status, String reason) {
        byte[] r = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (status >> 8);
        p[1] = (byte) status;
        System.arraycopy(r, 0, p, 2, r.length);
        return p;
    }

    /** Bytes a frame with {@code payloadLength} takes on the wire beyond its payload (RFC 6455 5.2). */
    public static int headerBytes(long payloadLength, boolean masked) {
        return 2 + (payloadLength < 126 ? 0 : payloadLength <= 0xFFFF ? 2 : 8) + (masked ? 4 : 0);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("connection closed inside a frame");
        return b;
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        int have = 0;
        while (have < n) {
            int r = in.read(b, have, n - have);
            if (r < 0) throw new EOFException("connection closed inside a frame");
            have += r;
        }
        return b;
    }
}
