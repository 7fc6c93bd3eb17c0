package dev.sesh.sim.service;

import java.util.Base64;

/**
 * Prints values the way the firmware's json_printf does, quirks included (mos-rpc.md 2.2,
 * mos-captures README 5.6). Handlers build their result bodies with these so that the bytes match
 * a real board. Strings are byte strings (one char per byte, ISO-8859-1).
 */
public final class DeviceJsonOut {
    private static final String HEX = "0123456789abcdef";
    private static final String SPECIALS = "btnvfr";

    private DeviceJsonOut() {}

    /**
     * {@code %Q}: a quoted string. {@code "} and {@code \} get a backslash; bytes 0x08-0x0D print as
     * {@code \b \t \n \v \f \r}; other control bytes and 0x7F print as <code>&#92;u00XX</code> with both hex
     * digits computed modulo 15 (0x1F prints as <code>&#92;u0011</code>); a byte >= 0x80 is copied raw
     * together with the next 1-3 bytes (by its UTF-8 lead bits), whatever they are, reading past the
     * end as the terminating NUL. A NUL in a reply body cuts it there (see the envelope writer).
     * Null prints as {@code null}.
     */
    public static String quoted(String s) {
        if (s == null) return "null";
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            int ch = s.charAt(i) & 0xff;
            if (ch == '"' || ch == '\\') {
                out.append('\\').append((char) ch);
            } else if (ch >= 0x08 && ch <= 0x0d) {
                out.append('\\').append(SPECIALS.charAt(ch - 0x08));
            } else if (ch >= 0x20 && ch < 0x7f) {
                out.append((char) ch);
            } else if (ch >= 0x80) {
                int n = (ch & 0xf0) == 0xf0 ? 4 : (ch & 0xf0) == 0xe0 ? 3 : 2;
                for (int k = 0; k < n; k++) out.append(i + k < s.length() ? (char) (s.charAt(i + k) & 0xff) : '\0');
                i += n - 1;
            } else {
                out.append("\\u00").append(HEX.charAt((ch >> 4) % 15)).append(HEX.charAt(ch % 15));
            }
        }
        return out.append('"').toString();
    }

    /** {@code %V}: standard padded base64 of {@code data}, quoted. */
    public static String base64(byte[] data) {
        return '"' + Base64.getEncoder().encodeToString(data) + '"';
    }

    /** {@code %H}: lower-case hex of {@code data}, quoted. */
    public static String hex(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 2 + 2).append('"');
        for (byte b : data) out.append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
        return out.append('"').toString();
    }

    /** {@code %B}: {@code true} or {@code false}. */
    public static String bool(boolean b) { return b ? "true" : "false"; }

    /** Turns bytes into the byte string form handlers use (one char per byte). */
    public static String latin1(byte[] data) {
        return new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
