package dev.sesh.atca.packet;

import dev.sesh.bytes.Bytes;

/**
 * The ATECC CRC-16 (reference/atecc.md section 2): polynomial 0x8005, register starts at 0, each
 * input byte is fed least-significant bit first, the register shifts left, no final XOR. On the
 * wire the register goes low byte first. Covers count..last data byte of a command or response
 * group (never the word address), and is also the Lock command's zone summary.
 */
public final class Crc16 {
    private Crc16() {}

    /** The 16-bit register after feeding {@code len} bytes of {@code b} from {@code off}. */
    public static int of(byte[] b, int off, int len) {
        int reg = 0;
        for (int i = off; i < off + len; i++) {
            int v = b[i];
            for (int bit = 0; bit < 8; bit++) {
                int in = (v >> bit) & 1;
                int top = (reg >> 15) & 1;
                reg = (reg << 1) & 0xffff;
                if (in != top) reg ^= 0x8005;
            }
        }
        return reg;
    }

    public static int of(byte[] b) { return of(b, 0, b.length); }

    public static int of(Bytes b) { return of(b.toArray()); }

    /** The two CRC bytes in wire order (low byte first). */
    public static Bytes wire(int crc) { return Bytes.ofInts(crc & 0xff, (crc >> 8) & 0xff); }

    /** True if the last two bytes of {@code group} (length {@code len} from 0) are the CRC of the rest. */
    public static boolean checks(byte[] group, int len) {
        if (len < 3 || len > group.length) return false;
        int crc = of(group, 0, len - 2);
        return (group[len - 2] & 0xff) == (crc & 0xff) && (group[len - 1] & 0xff) == (crc >> 8);
    }
}
