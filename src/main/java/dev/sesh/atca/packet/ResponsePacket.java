package dev.sesh.atca.packet;

import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * One response group (reference/atecc.md 1.6): {@code count payload.. crc_lo crc_hi}, count =
 * 3 + payload length. A 1-byte payload is a status (section 1.7); 4, 16, 32 or 64 bytes are data.
 *
 * <p>{@code toString} shows the status or the data length only: data may be secret.
 */
public record ResponsePacket(Bytes payload) {
    public ResponsePacket {
        if (payload.length() < 1 || payload.length() > 252) throw new IllegalArgumentException("payload of " + payload.length() + " bytes");
    }

    public static ResponsePacket status(StatusCode s) { return new ResponsePacket(Bytes.ofInts(s.code())); }

    public static ResponsePacket data(Bytes data) { return new ResponsePacket(data); }

    public boolean isStatus() { return payload.length() == 1; }

    /** The status of a 1-byte answer (an unknown byte gives empty); empty for data answers. */
    public Optional<StatusCode> status() { return isStatus() ? StatusCode.of(payload.get(0)) : Optional.empty(); }

    /** True for a data answer or a status 0x00. */
    public boolean ok() { return !isStatus() || payload.get(0) == 0; }

    public Bytes encode() {
        byte[] p = payload.toArray();
        int n = p.length + 3;
        byte[] g = new byte[n];
        g[0] = (byte) n;
        System.arraycopy(p, 0, g, 1, p.length);
        int crc = Crc16.of(g, 0, n - 2);
        g[n - 2] = (byte) crc;
        g[n - 1] = (byte) (crc >> 8);
        return Bytes.of(g);
    }

    /** Parses a complete response; the count must match the length and the CRC must check. */
    public static ResponsePacket decode(Bytes group) {
        byte[] g = group.toArray();
        if (g.length < 4) throw new PacketFormatException("response of " + g.length + " bytes is shorter than 4", false);
        if ((g[0] & 0xff) != g.length) throw new PacketFormatException("count " + (g[0] & 0xff) + " but " + g.length + " bytes", false);
        if (!Crc16.checks(g, g.length)) throw new PacketFormatException("bad response CRC", true);
        return new ResponsePacket(Bytes.of(g, 1, g.length - 3));
    }

    @Override public String toString() {
        return isStatus() ? String.format("ResponsePacket[status 0x%02x]", payload.get(0)) : "ResponsePacket[" + payload.length() + " data bytes]";
    }
}
