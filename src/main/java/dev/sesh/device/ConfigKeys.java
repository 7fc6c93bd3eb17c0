package dev.sesh.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sesh.SeshException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Pure functions over a device config tree as Config.Get returns it (mos-rpc.md 4.3): dotted keys,
 * values typed the way {@code mos config-set} types them (mos-rpc.md 5.2: the existing value's type
 * decides; bool only {@code true}/{@code false}; ints also as {@code 0x} hex, as the device accepts),
 * the closest keys for a mistyped one, and the nested patch Config.Set takes.
 */
public final class ConfigKeys {
    private ConfigKeys() {}

    /** Every leaf of {@code tree} by dotted key, in the board's (schema) order. */
    public static Map<String, JsonNode> leaves(JsonNode tree) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        walk("", tree, out);
        return out;
    }

    private static void walk(String prefix, JsonNode n, Map<String, JsonNode> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (!prefix.isEmpty()) {
            out.put(prefix, n);
        }
    }

    /** The node at dotted {@code key}, or null. */
    public static JsonNode at(JsonNode tree, String key) {
        JsonNode n = tree;
        for (String part : key.split("\\.", -1)) {
            if (n == null || !n.isObject()) return null;
            n = n.get(part);
        }
        return n;
    }

    /**
     * {@code text} as the type of {@code current} (the value the board has now).
     * @throws SeshException (exit 2) naming the key and the type it takes
     */
    public static JsonNode typed(String key, String text, JsonNode current) {
        if (current.isBoolean()) {
            if (text.equals("true")) return BooleanNode.TRUE;
            if (text.equals("false")) return BooleanNode.FALSE;
            throw wrongType(key, "a boolean", text, "true or false");
        }
        if (current.isIntegralNumber()) {
            try {
                String t = text.strip();
                boolean neg = t.startsWith("-");
                String digits = neg ? t.substring(1) : t;
                long v = digits.startsWith("0x") || digits.startsWith("0X")
                        ? Long.parseLong(digits.substring(2), 16) : new BigDecimal(digits).longValueExact();
                v = neg ? -v : v;
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new NumberFormatException();
                return LongNode.valueOf(v);
            } catch (NumberFormatException | ArithmeticException e) {
                throw wrongType(key, "an integer", text, "a whole number such as " + current.asText() + " (0x hex is fine)");
            }
        }
        if (current.isNumber()) {
            try {
                return DoubleNode.valueOf(Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                throw wrongType(key, "a number", text, "a number such as " + current.asText());
            }
        }
        if (current.isTextual() || current.isNull()) return TextNode.valueOf(text);
        throw SeshException.badArg(key + " holds " + current.getNodeType().name().toLowerCase(Locale.ROOT) + ", which config set cannot write",
                "set the keys inside it one by one");
    }

    private static SeshException wrongType(String key, String type, String text, String example) {
        return SeshException.badArg(key + " is " + type + "; '" + text + "' is not", "give " + example);
    }

    /** A value as the plan shows it: strings bare, the empty string as {@code ""}. */
    public static String show(JsonNode v) {
        if (v == null || v.isNull()) return "\"\"";
        if (v.isTextual()) return v.asText().isEmpty() ? "\"\"" : v.asText();
        return v.toString();
    }

    /** The value as a plain Java object: String, Long, Double, Boolean, or an ordered Map for a group. */
    public static Object plain(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (v.isArray()) {
            List<Object> l = new ArrayList<>();
            v.forEach(e -> l.add(plain(e)));
            return l;
        }
        return v.asText();
    }

    /** The nested object Config.Set takes for these dotted keys, keys sorted (as mos builds it). */
    public static ObjectNode patch(SortedMap<String, JsonNode> values) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        values.forEach((key, value) -> {
            ObjectNode n = root;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) n = n.has(parts[i]) ? (ObjectNode) n.get(parts[i]) : n.putObject(parts[i]);
            n.set(parts[parts.length - 1], value);
        });
        return root;
    }

    /**
     * The error for an unknown key: names the closest existing keys (same last part, or within
     * a small edit distance), at most three.
     */
    public static SeshException unknown(String key, Collection<String> keys) {
        List<String> close = closest(key, keys);
        boolean group = keys.stream().anyMatch(k -> k.startsWith(key + "."));
        if (group) return SeshException.badArg(key + " is a group of keys, not one value", "set one of its keys, e.g. "
                + keys.stream().filter(k -> k.startsWith(key + ".")).findFirst().orElse(key));
        return SeshException.badArg("unknown config key '" + key + "'",
                close.isEmpty() ? "config keys lists every key" : "did you mean " + String.join(", ", close) + "?");
    }

    /** Keys that end like {@code key} or are within edit distance 3, closest first, at most three. */
    public static List<String> closest(String key, Collection<String> keys) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT);
        return keys.stream()
                .filter(c -> EditDistance.of(k, c.toLowerCase(Locale.ROOT)) <= 3 || c.toLowerCase(Locale.ROOT).endsWith("." + last))
                .sorted(Comparator.comparingInt((String c) -> EditDistance.of(k, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
                .limit(3)
                .toList();
    }
}
