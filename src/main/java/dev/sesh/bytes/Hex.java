package dev.sesh.bytes;

import java.util.HexFormat;

/** Hex text <-> bytes. Lower case on output; either case and embedded spaces/colons/0x accepted on input. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {}

    public static String of(byte[] b) { return LOWER.formatHex(b); }

    public static String of(byte[] b, int off, int len) { return LOWER.formatHex(b, off, off + len); }

    /** Strict: an even number of hex digits, nothing else. */
    public static byte[] parse(String hex) {
        if ((hex.length() & 1) != 0) throw new IllegalArgumentException("odd number of hex digits (" + hex.length() + ")");
        return LOWER.parseHex(hex);
    }

    /**
     * Lenient: drops whitespace, ':' and ',' separators and "0x" prefixes, then parses strictly.
     * Accepts what people paste: "04 11 33 43", "0x04, 0x11", "04:11:33:43".
     */
    public static byte[] parseLenient(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        String t = text.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '0' && i + 1 < t.length() && (t.charAt(i + 1) == 'x' || t.charAt(i + 1) == 'X')) { i++; continue; }
            if (Character.isWhitespace(c) || c == ':' || c == ',') continue;
            if (Character.digit(c, 16) < 0) throw new IllegalArgumentException("'" + c + "' is not a hex digit");
            sb.append(c);
        }
        return parse(sb.toString());
    }
}
