package dev.sesh.rpc.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Hides secrets in frame JSON before it is traced (design.md 5.11): the values of {@code key},
 * {@code wkey} and {@code pass} anywhere, the {@code data_hex} of an I2C.Write to 0x60..0x67 (the
 * ATECC's addresses), and whatever a caller's {@link Rule} adds. A hidden value becomes the string
 * {@code <redacted N bytes>} (N = decoded length for padded base64 and {@code *_hex} values, else characters).
 */
public final class Redact {
    /** Decides whether {@code field} of object {@code parent} in a frame for {@code method} is secret. */
    @FunctionalInterface
    public interface Rule {
        boolean isSecret(String method, ObjectNode parent, String field);
    }

    private static final Set<String> SECRET_FIELDS = Set.of("key", "wkey", "pass");

    /** A config key whose value is a secret: its last segment names a password or key. */
    private static final java.util.regex.Pattern SECRET_CONFIG_KEY =
            java.util.regex.Pattern.compile("(?i)(^|\\.)[a-z0-9_]*(pass|psk|secret|token|ssl_key|key)$");

    /**
     * The built-in rule: secret field names (but Config.Get/Set's {@code key} is a config path, and
     * then Config.Set's {@code value} is secret when that path names a password or key), and
     * ATECC-bound I2C.Write data.
     */
    public static final Rule DEFAULT = (method, parent, field) -> {
        boolean config = method.equalsIgnoreCase("Config.Get") || method.equalsIgnoreCase("Config.Set");
        if (config && field.equals("key")) return false;
        if (config && field.equals("value")) {
            JsonNode k = parent.get("key");
            return k != null && k.isTextual() && SECRET_CONFIG_KEY.matcher(k.asText()).find();
        }
        return SECRET_FIELDS.contains(field)
                || (field.equals("data_hex") && method.equalsIgnoreCase("I2C.Write") && isChipAddress(parent.get("addr")));
    };

    private Redact() {}

    /** {@link #json(String, Rule)} with the built-in rule only. */
    public static String json(String json) { return json(json, (m, p, f) -> false); }

    /** The frame text with secret values replaced; text that is not JSON is not shown at all. */
    public static String json(String json, Rule extra) {
        JsonNode root;
        try {
            root = FrameJson.mapper().readTree(json);
        } catch (Exception e) {
            return "<not JSON, " + json.length() + " chars>";
        }
        if (root == null) return "<empty>";
        String method = root.path("method").asText("");
        walk(root, method, extra);
        return FrameJson.write(root);
    }

    private static void walk(JsonNode node, String method, Rule extra) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                JsonNode v = obj.get(f);
                if (!v.isNull() && (DEFAULT.isSecret(method, obj, f) || extra.isSecret(method, obj, f))) {
                    obj.set(f, TextNode.valueOf("<redacted " + byteCount(f, v) + " bytes>"));
                } else {
                    walk(v, method, extra);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, method, extra));
        }
    }

    private static boolean isChipAddress(JsonNode addr) {
        if (addr == null) return false;
        int a = addr.isNumber() ? addr.asInt() : addr.isTextual() ? parseInt(addr.asText()) : -1;
        return a >= 0x60 && a <= 0x67;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int byteCount(String field, JsonNode v) {
        if (!v.isTextual()) return v.toString().length();
        String s = v.asText();
        if (field.endsWith("_hex")) return s.length() / 2;
        if (s.length() % 4 != 0) return s.length();
        try {
            return Base64.getDecoder().decode(s).length;
        } catch (IllegalArgumentException e) {
            return s.length();
        }
    }
}
