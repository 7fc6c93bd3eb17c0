package dev.sesh.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what is secret in text sesh shows (design.md 5.11, issue 16): frame
 * JSON for {@code --debug} traces ({@link #json}), {@code call} parameters in plans and the audit
 * log ({@link #params}), and exception text ({@link #errorText}). The guard at the link can call
 * the same methods for what it records.
 * <p>Rules, by what the firmware reads: field names and methods match case-insensitively (the
 * board's method lookup does); {@code key}, {@code wkey}, {@code pass} anywhere; Config.Set's
 * {@code value} when its key names a password or key; the data of an {@code I2C.Write*} to the
 * chip's addresses 0x60-0x67 however the address is written (number, float, numeric or hex string);
 * and file data ({@code data} of FS.Put and of replies) whose bytes look like a private key or a
 * 32-byte secret: a PEM "PRIVATE KEY", an EC private key in DER, 64 hex digits, or exactly 32
 * bytes. Once an FS.Put to a name carried a secret, later chunks to that name are hidden too.
 * A hidden value becomes {@code <redacted N bytes>}. An instance keeps that per-name memory;
 * use one per trace.
 */
public final class Redactor {
    /** Decides whether {@code field} of object {@code parent} in a frame for {@code method} is secret. */
    @FunctionalInterface
    public interface Rule {
        boolean isSecret(String method, ObjectNode parent, String field);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SECRET_FIELDS = Set.of("key", "wkey", "pass", "password", "psk", "secret", "token");
    private static final Pattern SECRET_CONFIG_KEY = Pattern.compile("(?i)(^|\\.)[a-z0-9_]*(pass|psk|secret|token|ssl_key|key)$");
    private static final Pattern HEX64 = Pattern.compile("(?i)\\s*(0x)?[0-9a-f]{64}\\s*");
    private static final byte[] EC_PRIVATE_DER = {0x02, 0x01, 0x01, 0x04, 0x20};   // version 1, OCTET STRING of 32

    private final Rule extra;
    private final Set<String> secretPuts = new HashSet<>();

    /** A redactor with the built-in rules only. */
    public Redactor() { this((m, p, f) -> false); }

    /** A redactor that also hides what {@code extra} marks secret. */
    public Redactor(Rule extra) { this.extra = extra; }

    /** The frame text with secret values replaced; text that is not JSON is not shown at all. */
    public synchronized String json(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return "<not JSON, " + json.length() + " chars>";
        }
        if (root == null) return "<empty>";
        walk(root, root.path("method").asText(""));
        try {
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            return "<not JSON, " + json.length() + " chars>";
        }
    }

    private void walk(JsonNode node, String method) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                JsonNode v = obj.get(f);
                if (!v.isNull() && (isSecret(method, obj, f) || extra.isSecret(method, obj, f))) {
                    obj.set(f, TextNode.valueOf("<redacted " + byteCount(f, v) + " bytes>"));
                } else {
                    walk(v, method);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, method));
        }
    }

    private boolean isSecret(String method, ObjectNode parent, String field) {
        String m = method.toLowerCase(Locale.ROOT), f = field.toLowerCase(Locale.ROOT);
        boolean config = m.equals("config.get") || m.equals("config.set");
        if (config && f.equals("key")) return false;
        if (config && f.equals("value")) {
            JsonNode k = child(parent, "key");
            return k != null && k.isTextual() && SECRET_CONFIG_KEY.matcher(k.asText()).find();
        }
        if (SECRET_FIELDS.contains(f)) return true;
        if (m.startsWith("i2c.write") && (f.equals("data_hex") || f.equals("data") || f.equals("value"))) return isChipAddress(child(parent, "addr"));
        if (f.equals("data")) return secretFileData(m, parent, parent.get(field));
        return false;
    }

    private boolean secretFileData(String method, ObjectNode parent, JsonNode data) {
        JsonNode name = child(parent, "filename");
        String file = name != null && name.isTextual() ? name.asText() : null;
        if (method.equals("fs.put") && file != null && secretPuts.contains(file)) return true;
        boolean secret = data.isTextual() && looksSecret(decode(data.asText()));
        if (secret && method.equals("fs.put") && file != null) secretPuts.add(file);
        return secret;
    }

    /** A field of {@code parent} by case-insensitive name. */
    private static JsonNode child(ObjectNode parent, String name) {
        var it = parent.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** Whether file bytes are a private key or a 32-byte secret (design.md 5.13's key file formats). */
    public static boolean looksSecret(byte[] b) {
        if (b.length == 32) return true;
        String text = new String(b, StandardCharsets.ISO_8859_1);
        if (text.contains("PRIVATE KEY-----")) return true;
        if (HEX64.matcher(text).matches()) return true;
        return b.length < 256 && b.length > 2 && b[0] == 0x30 && indexOf(b, EC_PRIVATE_DER) >= 0;
    }

    private static int indexOf(byte[] b, byte[] pat) {
        outer:
        for (int i = 0; i + pat.length <= b.length; i++) {
            for (int k = 0; k < pat.length; k++) if (b[i + k] != pat[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static byte[] decode(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** A chip address as the firmware reads it: a number (also a float), a numeric string, or 0x hex. */
    static boolean isChipAddress(JsonNode addr) {
        if (addr == null) return false;
        long a;
        if (addr.isNumber()) a = (long) addr.asDouble();
        else if (addr.isTextual()) a = parseAddress(addr.asText());
        else return false;
        return a >= 0x60 && a <= 0x67;
    }

    private static long parseAddress(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("0x")) return Long.parseLong(t.substring(2), 16);
            return (long) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int byteCount(String field, JsonNode v) {
        if (!v.isTextual()) return v.toString().length();
        String s = v.asText();
        if (field.toLowerCase(Locale.ROOT).endsWith("_hex")) return s.length() / 2;
        if (s.length() % 4 != 0) return s.length();
        try {
            return Base64.getDecoder().decode(s).length;
        } catch (IllegalArgumentException e) {
            return s.length();
        }
    }

    // ---- text forms ----

    private static final Pattern PARAM = Pattern.compile(
            "(?i)((?:[\"']|\\b)(key|wkey|data_hex|data|value|pass|password|psk|secret|token)[\"']?\\s*:\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^,}\\]\\s]+)");

    /**
     * RPC parameters as typed ({@code call M '{...}'}), shape kept, with the values of secret fields
     * replaced by {@code "(redacted)"}: key, wkey, data_hex and password-like names in any case, and
     * {@code data}/{@code value} fields whose content looks like a key or secret.
     */
    public static String params(String text) {
        Matcher k = CONFIG_KEY.matcher(text);
        boolean secretValue = k.find() && SECRET_CONFIG_KEY.matcher(k.group(1)).find();
        Matcher m = PARAM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean hide = name.equals("value") ? secretValue || looksSecret(decode(unquote(m.group(3))))
                    : !name.equals("data") || looksSecret(decode(unquote(m.group(3))));
            m.appendReplacement(out, Matcher.quoteReplacement(hide ? m.group(1) + "\"(redacted)\"" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern CONFIG_KEY = Pattern.compile("(?i)[\"']?key[\"']?\\s*:\\s*[\"']([^\"']*)[\"']");

    private static String unquote(String v) {
        return v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'")) ? v.substring(1, v.length() - 1) : v;
    }

    private static final Pattern VALUES = Pattern.compile("(values: |object ')\\S.*?(?=\\n|$)");
    private static final Pattern LONG_HEX = Pattern.compile("(?i)(?<![0-9a-f])[0-9a-f]{32,}(?![0-9a-f])");
    private static final Pattern BYTE_LIST = Pattern.compile("(-?\\d{1,3}\\s*,\\s*){7,}-?\\d{1,3}");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{40,}={0,2}");

    /**
     * Exception text with argument values taken out: Groovy's "values: [...]" and "Cannot cast
     * object '...'" parts, runs of 32+ hex digits, lists of 8+ numbers, and long base64 runs.
     * Messages keep the method, the types and the reason.
     */
    public static String errorText(String message) {
        if (message == null) return null;
        String s = VALUES.matcher(message).replaceAll("$1(values hidden)");
        s = LONG_HEX.matcher(s).replaceAll(r -> "<" + r.group().length() + " hex digits>");
        s = BYTE_LIST.matcher(s).replaceAll("<numbers hidden>");
        return BASE64_RUN.matcher(s).replaceAll(r -> "<" + r.group().length() + " characters hidden>");
    }
}
