package dev.sesh.sim.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * A lenient JSON reader with the firmware's string rules (mos-captures README 5.5, 5.6): missing and
 * trailing commas and unquoted identifier keys are accepted, hex numbers ({@code 0x60}) are numbers, and in strings only
 * <code>&#92;u00XX</code> is understood (it becomes the single byte 0xXX); any other <code>&#92;u</code> escape makes
 * the string invalid rather than the document. Text is one char per byte (ISO-8859-1).
 */
public final class ConfigJson {

    /** A parsed JSON value. */
    public sealed interface Value permits Obj, Str, Num, Bool, Null, Arr {}

    /** Members in document order; a repeated key appears twice (the later one wins when applied). */
    public record Obj(List<Member> members) implements Value {
        public Obj { members = List.copyOf(members); }
    }

    public record Member(String key, Value value) {}

    /** A string; {@code valid} is false when it held an escape the firmware cannot decode. */
    public record Str(String value, boolean valid) implements Value {}

    /** A number as written (decimal, fraction, exponent or 0x-hex). */
    public record Num(String text) implements Value {}

    public record Bool(boolean value) implements Value {}

    public record Null() implements Value {}

    public record Arr(List<Value> items) implements Value {
        public Arr { items = List.copyOf(items); }
    }

    /** Thrown for text the scanner cannot read at all; the message is the firmware's "Invalid JSON". */
    public static final class InvalidJson extends Exception {
        public InvalidJson() { super("Invalid JSON"); }
    }

    private final String s;
    private int p;

    private ConfigJson(String s) { this.s = s; }

    /** Parses one value; text after it is ignored, like the firmware's scanner. */
    public static Value parse(String text) throws InvalidJson {
        ConfigJson r = new ConfigJson(text);
        return r.value();
    }

    private void ws() {
        while (p < s.length() && " \t\r\n".indexOf(s.charAt(p)) >= 0) p++;
    }

    private Value value() throws InvalidJson {
        ws();
        if (p >= s.length()) throw new InvalidJson();
        char c = s.charAt(p);
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"') return string();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (s.startsWith("true", p)) { p += 4; return new Bool(true); }
        if (s.startsWith("false", p)) { p += 5; return new Bool(false); }
        if (s.startsWith("null", p)) { p += 4; return new Null(); }
        throw new InvalidJson();
    }

    private Obj object() throws InvalidJson {
        p++;
        List<Member> ms = new ArrayList<>();
        while (true) {
            ws();
            if (p >= s.length()) throw new InvalidJson();
            char c = s.charAt(p);
            if (c == '}') { p++; return new Obj(ms); }
            if (c == ',') { p++; continue; }
            String key;
            if (c == '"') {
                key = string().value();
            } else if (Character.isLetter(c) || c == '_') {
                int start = p;
                while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) p++;
                key = s.substring(start, p);
            } else {
                throw new InvalidJson();
            }
            ws();
            if (p >= s.length() || s.charAt(p) != ':') throw new InvalidJson();
            p++;
            ms.add(new Member(key, value()));
        }
    }

    private Arr array() throws InvalidJson {
        p++;
        List<Value> items = new ArrayList<>();
        while (true) {
            ws();
            if (p >= s.length()) throw new InvalidJson();
            char c = s.charAt(p);
            if (c == ']') { p++; return new Arr(items); }
            if (c == ',') { p++; continue; }
            items.add(value());
        }
    }

    private Num number() throws InvalidJson {
        int start = p;
        if (s.charAt(p) == '-') p++;
        if (s.startsWith("0x", p) || s.startsWith("0X", p)) {
            p += 2;
            int digits = p;
            while (p < s.length() && Character.digit(s.charAt(p), 16) >= 0) p++;
            if (p == digits) throw new InvalidJson();
        } else {
            int digits = p;
            while (p < s.length() && "0123456789.eE+-".indexOf(s.charAt(p)) >= 0) p++;
            if (p == digits) throw new InvalidJson();
        }
        return new Num(s.substring(start, p));
    }

    private Str string() throws InvalidJson {
        int start = ++p;
        while (true) {
            if (p >= s.length()) throw new InvalidJson();
            char c = s.charAt(p++);
            if (c == '"') break;
            if (c != '\\') continue;
            if (p >= s.length()) throw new InvalidJson();
            // An escape's characters never end the string: backslash-u takes the next four, whatever they are.
            if (s.charAt(p++) == 'u') {
                if (p + 4 > s.length()) throw new InvalidJson();
                p += 4;
            }
        }
        String decoded = unescape(s.substring(start, p - 1));
        return decoded == null ? new Str("", false) : new Str(decoded, true);
    }

    /** Decodes JSON string escapes the firmware's way; null if the text holds an escape it rejects. */
    public static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= raw.length()) return null;
            char e = raw.charAt(++i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 >= raw.length() || raw.charAt(i + 1) != '0' || raw.charAt(i + 2) != '0') return null;
                    int hi = Character.digit(raw.charAt(i + 3), 16);
                    int lo = Character.digit(raw.charAt(i + 4), 16);
                    if (hi < 0 || lo < 0) return null;
                    out.append((char) (hi << 4 | lo));
                    i += 4;
                }
                default -> { return null; }
            }
        }
        return out.toString();
    }
}
