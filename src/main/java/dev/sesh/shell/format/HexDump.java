package dev.sesh.shell.format;

import dev.sesh.bytes.Bytes;

/**
 * A classic hex dump: offset, 16 bytes in two groups of eight, and an ASCII column where bytes
 * outside 0x20-0x7e show as {@code .}. The offset has four hex digits, more when the data needs them.
 */
public final class HexDump {
    private HexDump() {}

    public static String of(Bytes data) { return of(data, 0); }

    /** As {@link #of(Bytes)}, with the offsets dimmed when {@code style} has colours. */
    public static String of(Bytes data, Style style) { return of(data, 0, style); }

    /** Dumps {@code data} labelled as starting at {@code baseOffset}; each line ends in {@code \n}. */
    public static String of(Bytes data, long baseOffset) { return of(data, baseOffset, Style.plain()); }

    /** As {@link #of(Bytes, long)}; the offset column is dim in {@code style}. */
    public static String of(Bytes data, long baseOffset, Style style) {
        long last = baseOffset + Math.max(0, data.length() - 1);
        int digits = Math.max(4, (Long.toHexString(last).length() + 1) / 2 * 2);
        String offsetFormat = "%0" + digits + "x";
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < data.length(); line += 16) {
            out.append(style.dim(String.format(offsetFormat, baseOffset + line))).append(' ');
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i == 8) out.append(' ');
                int at = line + i;
                if (at < data.length()) {
                    int b = data.get(at);
                    out.append(' ').append(String.format("%02x", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append("  |").append(ascii).append("|\n");
        }
        return out.toString();
    }
}
