package dev.sesh.sim.service;

import dev.sesh.sim.conf.ConfigJson;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A handler's view of its request arguments, read the way the firmware's json_scanf reads them
 * (mos-rpc.md 4, mos-captures README 5.5/5.6). Keys are member names of the params object, dotted
 * for nested members ({@code "a.b"}). Params that are not an object have no members: every
 * argument is missing. All strings are byte strings (one char per byte, ISO-8859-1).
 *
 * <ul>
 * <li>{@link #string} is {@code %Q}: the token's text with escapes decoded; only <code>&#92;u00XX</code>
 *     is understood (it becomes the single byte 0xXX); any other <code>&#92;u</code> escape makes the value
 *     missing; JSON null is missing.</li>
 * <li>{@link #integer} is {@code %d}/{@code %ld}: sscanf over the token text, so JSON strings of
 *     digits count ({@code "80"}), {@code "12ab"} reads 12 and {@code "0x61"} reads 0.</li>
 * <li>{@link #bool} is {@code %B}: present whenever the key is, true only for JSON true.</li>
 * <li>{@link #base64} is {@code %V}: lenient decoding, characters outside the alphabet count as
 *     64, a last group shorter than 4 characters is ignored.</li>
 * <li>{@link #hex} is {@code %H}: length = text length / 2, characters not validated.</li>
 * <li>{@link #token} is {@code %T}: the raw token.</li>
 * </ul>
 */
public final class DeviceArgs {
    private static final DeviceArgs EMPTY = new DeviceArgs(Map.of());
    private final Map<String, JsonToken> members;

    private DeviceArgs(Map<String, JsonToken> members) { this.members = members; }

    /** No arguments at all. */
    public static DeviceArgs empty() { return EMPTY; }

    /** Arguments from a params token (null = the request had no params). */
    public static DeviceArgs of(JsonToken params) {
        if (params == null || !params.isObject()) return EMPTY;
        Map<String, JsonToken> m = new HashMap<>();
        // Later duplicates win, as each scanf callback overwrites the target.
        DeviceJson.walk(params.text(), (path, t) -> { if (!path.isEmpty()) m.put(path.substring(1), t); });
        return new DeviceArgs(Map.copyOf(m));
    }

    /** Arguments parsed from params JSON text; convenient in tests. */
    public static DeviceArgs parse(String paramsJson) { return of(DeviceJson.parse(paramsJson)); }

    public boolean has(String key) { return members.containsKey(key); }

    /** {@code %T}: the raw token. */
    public Optional<JsonToken> token(String key) { return Optional.ofNullable(members.get(key)); }

    /** {@code %Q}: decoded byte string; empty when missing, null, or holding a <code>&#92;u</code> escape other than <code>&#92;u00XX</code>. */
    public Optional<String> string(String key) {
        JsonToken t = members.get(key);
        if (t == null || t.type() == JsonToken.Type.NULL) return Optional.empty();
        return Optional.ofNullable(ConfigJson.unescape(t.text()));
    }

    /** {@code %d}/{@code %ld}: empty when missing or when sscanf would convert nothing. */
    public OptionalLong integer(String key) {
        JsonToken t = members.get(key);
        return t == null ? OptionalLong.empty() : scanLong(t.text());
    }

    /** {@code %B}: empty when missing; otherwise true only for JSON true. */
    public Optional<Boolean> bool(String key) {
        JsonToken t = members.get(key);
        return t == null ? Optional.empty() : Optional.of(t.type() == JsonToken.Type.TRUE);
    }

    /** {@code %V}: lenient base64 of the token text; empty when missing. */
    public Optional<byte[]> base64(String key) {
        JsonToken t = members.get(key);
        return t == null ? Optional.empty() : Optional.of(base64Decode(t.text()));
    }

    /** {@code %H}: hex pairs of the token text (odd last digit ignored); empty when missing. */
    public Optional<byte[]> hex(String key) {
        JsonToken t = members.get(key);
        return t == null ? Optional.empty() : Optional.of(hexDecode(t.text()));
    }

    /** sscanf("%ld") over {@code text}: optional leading whitespace and sign, then digits. */
    static OptionalLong scanLong(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        boolean neg = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) neg = text.charAt(i++) == '-';
        int start = i;
        long v = 0;
        boolean overflow = false;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int d = text.charAt(i++) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) overflow = true;
            else v = v * 10 + d;
        }
        if (i == start) return OptionalLong.empty();
        if (overflow) return OptionalLong.of(neg ? Long.MIN_VALUE : Long.MAX_VALUE); // strtol saturates
        return OptionalLong.of(neg ? -v : v);
    }

    static byte[] base64Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4 + 1);
        for (int i = 0; i + 3 < text.length(); i += 4) {
            int a = b64(text.charAt(i)), b = b64(text.charAt(i + 1)), c = b64(text.charAt(i + 2)), d = b64(text.charAt(i + 3));
            out.write((a << 2 | b >> 4) & 0xff);
            if (text.charAt(i + 2) != '=') {
                out.write((b << 4 | c >> 2) & 0xff);
                if (text.charAt(i + 3) != '=') out.write((c << 6 | d) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int b64(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return 64;
    }

    static byte[] hexDecode(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) (nibble(text.charAt(2 * i)) << 4 | nibble(text.charAt(2 * i + 1)));
        return out;
    }

    // The firmware maps a non-digit to tolower(c) - 'W' without checking it, so garbage stays garbage.
    private static int nibble(char c) {
        return c >= '0' && c <= '9' ? c - '0' : Character.toLowerCase(c) - 'W';
    }
}
