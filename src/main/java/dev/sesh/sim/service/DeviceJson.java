package dev.sesh.sim.service;

import java.util.function.BiConsumer;

/**
 * The firmware's lenient JSON walker (the behaviour of frozen's json_walk that mg_rpc and every
 * handler's json_scanf sit on; mos-captures README 5.5). It reports every value with its path
 * ({@code .id}, {@code .params.name}, {@code .list[0]}) to a visitor as soon as the value is
 * complete, so an object is reported after its members. It accepts what the firmware accepts:
 * missing and trailing commas between members, unquoted identifier keys, any of space, tab, CR, LF
 * as whitespace. On a syntax error it stops and returns false, and what was reported before the
 * error stays reported (the device keeps what it had scanned).
 */
public final class DeviceJson {
    private final String s;
    private final BiConsumer<String, JsonToken> visitor;
    private int pos;

    private DeviceJson(String s, BiConsumer<String, JsonToken> visitor) {
        this.s = s;
        this.visitor = visitor;
    }

    /** Walks {@code json} (a byte string); returns true if one whole value was parsed without error. */
    public static boolean walk(String json, BiConsumer<String, JsonToken> visitor) {
        DeviceJson w = new DeviceJson(json, visitor);
        try {
            w.value("");
            return true;
        } catch (Stop e) {
            return false;
        }
    }

    /** Parses {@code json} as one value; returns its token, or null if it is not a complete value. */
    public static JsonToken parse(String json) {
        JsonToken[] top = new JsonToken[1];
        boolean ok = walk(json, (path, t) -> { if (path.isEmpty()) top[0] = t; });
        return ok ? top[0] : null;
    }

    private static final class Stop extends RuntimeException {
        Stop() { super(null, null, false, false); }
    }

    private int cur() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
            pos++;
        }
        return -1;
    }

    private void expect(char c) {
        if (cur() != c) throw new Stop();
        pos++;
    }

    private void value(String path) {
        int c = cur();
        int start = pos;
        JsonToken t;
        if (c == '"') {
            t = new JsonToken(JsonToken.Type.STRING, string());
        } else if (c == '{') {
            object(path);
            t = new JsonToken(JsonToken.Type.OBJECT, s.substring(start, pos));
        } else if (c == '[') {
            array(path);
            t = new JsonToken(JsonToken.Type.ARRAY, s.substring(start, pos));
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
            t = new JsonToken(JsonToken.Type.NUMBER, s.substring(start, pos));
        } else if (literal("true")) {
            t = new JsonToken(JsonToken.Type.TRUE, "true");
        } else if (literal("false")) {
            t = new JsonToken(JsonToken.Type.FALSE, "false");
        } else if (literal("null")) {
            t = new JsonToken(JsonToken.Type.NULL, "null");
        } else {
            throw new Stop();
        }
        visitor.accept(path, t);
    }

    private boolean literal(String word) {
        if (s.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    /** Returns the raw text between the quotes; validates escapes the way the firmware does. */
    private String string() {
        pos++; // opening quote
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                String text = s.substring(start, pos);
                pos++;
                return text;
            }
            if (c == '\\') {
                if (pos + 1 >= s.length()) throw new Stop();
                char e = s.charAt(pos + 1);
                if (e == 'u') {
                    if (pos + 5 >= s.length()) throw new Stop();
                    for (int i = 2; i <= 5; i++) if (Character.digit(s.charAt(pos + i), 16) < 0) throw new Stop();
                    pos += 6;
                } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
                    pos += 2;
                } else {
                    throw new Stop();
                }
            } else {
                pos++;
            }
        }
        throw new Stop();
    }

    private void number() {
        if (s.charAt(pos) == '-') pos++;
        if (!digits()) throw new Stop();
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            if (!digits()) throw new Stop();
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
            if (!digits()) throw new Stop();
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
        return pos > start;
    }

    private void object(String path) {
        expect('{');
        while (cur() != '}') {
            if (cur() < 0) throw new Stop();
            String key = key();
            expect(':');
            value(path + "." + key);
            if (cur() == ',') pos++;
        }
        pos++;
    }

    private String key() {
        int c = cur();
        if (c == '"') return string();
        if (Character.isLetter(c) || c == '_' || c == '$') {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) pos++;
            return s.substring(start, pos);
        }
        throw new Stop();
    }

    private void array(String path) {
        expect('[');
        int i = 0;
        while (cur() != ']') {
            if (cur() < 0) throw new Stop();
            value(path + "[" + i++ + "]");
            if (cur() == ',') pos++;
        }
        pos++;
    }
}
