package dev.sesh.atca.packet;

import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * One command group (reference/atecc.md 1.5): {@code count opcode param1 param2_lo param2_hi
 * data.. crc_lo crc_hi}, count = 7 + data length, CRC-16 over count..last data byte. The word
 * address 0x03 the I2C write puts in front is not part of it. {@code opcode} is the raw byte so
 * that unknown opcodes can still be carried (the chip answers them with a parse error).
 *
 * <p>{@code toString} shows opcode, params and the data length only: data may hold keys.
 */
public record CommandPacket(int opcode, int param1, int param2, Bytes data) {
    /** Largest group the chip's input buffer takes (608 data sheets: 155 data bytes). */
    public static final int MAX_GROUP = 7 + 155;

    public CommandPacket {
        if (opcode < 0 || opcode > 0xff) throw new IllegalArgumentException("opcode " + opcode + " is not a byte");
        if (param1 < 0 || param1 > 0xff) throw new IllegalArgumentException("param1 " + param1 + " is not a byte");
        if (param2 < 0 || param2 > 0xffff) throw new IllegalArgumentException("param2 " + param2 + " is not 16-bit");
        if (data.length() > MAX_GROUP - 7) throw new IllegalArgumentException("data of " + data.length() + " bytes is too long");
    }

    public CommandPacket(Opcode op, int param1, int param2, Bytes data) { this(op.code(), param1, param2, data); }

    public CommandPacket(Opcode op, int param1, int param2) { this(op.code(), param1, param2, Bytes.EMPTY); }

    public Optional<Opcode> op() { return Opcode.of(opcode); }

    /** The group length on the wire: 7 + data. */
    public int count() { return 7 + data.length(); }

    /** count..CRC, ready to follow the word address 0x03. */
    public Bytes encode() {
        int n = count();
        byte[] g = new byte[n];
        g[0] = (byte) n;
        g[1] = (byte) opcode;
        g[2] = (byte) param1;
        g[3] = (byte) param2;
        g[4] = (byte) (param2 >> 8);
        byte[] d = data.toArray();
        System.arraycopy(d, 0, g, 5, d.length);
        int crc = Crc16.of(g, 0, n - 2);
        g[n - 2] = (byte) crc;
        g[n - 1] = (byte) (crc >> 8);
        return Bytes.of(g);
    }

    /**
     * Parses a complete group. The count byte must equal {@code len} and be at least 7; the CRC is
     * checked first, as the chip does (a CRC error wins over every other error).
     */
    public static CommandPacket decode(byte[] group, int len) {
        if (len < 7 || len > group.length) throw new PacketFormatException("group of " + len + " bytes is shorter than 7", false);
        if (!Crc16.checks(group, len)) throw new PacketFormatException("bad CRC", true);
        if ((group[0] & 0xff) != len) throw new PacketFormatException("count " + (group[0] & 0xff) + " but " + len + " bytes", false);
        int p2 = (group[3] & 0xff) | (group[4] & 0xff) << 8;
        return new CommandPacket(group[1] & 0xff, group[2] & 0xff, p2, Bytes.of(group, 5, len - 7));
    }

    public static CommandPacket decode(Bytes group) { return decode(group.toArray(), group.length()); }

    @Override public String toString() {
        String name = op().map(Enum::name).orElse("UNKNOWN");
        return String.format("CommandPacket[%s(0x%02x) p1=0x%02x p2=0x%04x data=%d bytes]", name, opcode, param1, param2, data.length());
    }
}
