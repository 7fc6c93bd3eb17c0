package dev.sesh.sim.conf;

import dev.sesh.sim.conf.ConfigSchema.Group;
import dev.sesh.sim.conf.ConfigSchema.Leaf;
import dev.sesh.sim.conf.ConfigSchema.Node;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One full set of config values over a schema (a level's result or the live config), with the
 * firmware's merge rules and its two output forms: compact (Config.Get) and pretty diff (conf9.json).
 * Strings are one char per byte; {@code quote} turns one into JSON text the way the firmware escapes.
 */
public final class ConfigTree implements ConfigView {
    private final ConfigSchema schema;
    private final Map<String, Object> values;

    private ConfigTree(ConfigSchema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = values;
    }

    /** The compiled-in defaults (level 0 before conf0.json). */
    public static ConfigTree defaults(ConfigSchema schema) {
        Map<String, Object> v = new HashMap<>();
        for (Leaf l : schema.leaves()) v.put(l.path(), l.defaultValue());
        return new ConfigTree(schema, v);
    }

    public ConfigTree copy() { return new ConfigTree(schema, new HashMap<>(values)); }

    public ConfigSchema schema() { return schema; }

    @Override public Optional<Object> find(String path) { return Optional.ofNullable(values.get(path)); }

    /** Sets a leaf directly (already of the leaf's Java type). */
    public void put(String path, Object value) {
        Node n = schema.find(path).orElseThrow(() -> new IllegalArgumentException("no config key " + path));
        if (!(n instanceof Leaf)) throw new IllegalArgumentException(path + " is not a leaf");
        values.put(path, value);
    }

    /**
     * Merges a JSON value at {@code path} ("" = the root) the way Config.Set and the level loader do:
     * unknown keys are skipped, keys that {@code acl} denies are skipped, a value of the wrong type
     * stops the merge with the parser's message. The tree is unchanged if an error is thrown.
     */
    public void apply(String path, ConfigJson.Value json, String acl) throws ConfigError {
        Node n = schema.find(path).orElseThrow(() -> new IllegalArgumentException("no config key " + path));
        Map<String, Object> staged = new HashMap<>(values);
        merge(n, json, acl, staged);
        values.clear();
        values.putAll(staged);
    }

    private void merge(Node n, ConfigJson.Value json, String acl, Map<String, Object> out) throws ConfigError {
        if (n instanceof Group g) {
            if (!(json instanceof ConfigJson.Obj o)) throw new ConfigError("[" + g.path() + "] is not an object");
            for (ConfigJson.Member m : o.members()) {
                Node c = g.children().get(m.key());
                if (c != null) merge(c, m.value(), acl, out);
            }
            return;
        }
        Leaf l = (Leaf) n;
        Object v = convert(l, json);
        if (ConfAcl.allows(acl, l.path())) out.put(l.path(), v);
    }

    private static Object convert(Leaf l, ConfigJson.Value json) throws ConfigError {
        String at = "[" + l.path() + "]";
        switch (l.type()) {
            case BOOL -> {
                if (json instanceof ConfigJson.Bool b) return b.value();
                throw new ConfigError(at + " is not a boolean");
            }
            case STRING -> {
                if (json instanceof ConfigJson.Null) return "";
                if (!(json instanceof ConfigJson.Str s)) throw new ConfigError(at + " is not a string");
                if (!s.valid()) throw new ConfigError(at + " invalid string");
                return s.value();
            }
            case INT -> {
                if (!(json instanceof ConfigJson.Num num)) throw new ConfigError(at + " is not a number");
                return parseInt(num.text()).orElseThrow(() -> new ConfigError(at + " failed to parse [" + num.text() + "]"));
            }
            case DOUBLE -> {
                if (!(json instanceof ConfigJson.Num num)) throw new ConfigError(at + " is not a number");
                try {
                    return parseInt(num.text()).map(Long::doubleValue).orElseGet(() -> Double.parseDouble(num.text()));
                } catch (NumberFormatException e) {
                    throw new ConfigError(at + " failed to parse [" + num.text() + "]");
                }
            }
        }
        throw new IllegalStateException(l.type().name());
    }

    /** A 32-bit integer in decimal or 0x-hex with an optional minus sign, as the firmware's int keys hold. */
    private static Optional<Long> parseInt(String text) {
        boolean neg = text.startsWith("-");
        String t = neg ? text.substring(1) : text;
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
            radix = 16;
        }
        try {
            long v = Long.parseLong(t, radix);
            if (neg) v = -v;
            if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) return Optional.empty();
            return Optional.of((long) (int) v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Config.Get's text for {@code path}: compact JSON in schema order, or a bare scalar. */
    public String compact(String path, UnaryOperator<String> quote) {
        Node n = schema.find(path).orElseThrow(() -> new IllegalArgumentException("no config key " + path));
        StringBuilder sb = new StringBuilder();
        compact(n, quote, sb);
        return sb.toString();
    }

    private void compact(Node n, UnaryOperator<String> quote, StringBuilder sb) {
        if (n instanceof Leaf l) {
            sb.append(scalar(l, quote));
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Node> e : ((Group) n).children().entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append('"').append(e.getKey()).append("\":");
            compact(e.getValue(), quote, sb);
        }
        sb.append('}');
    }

    private String scalar(Leaf l, UnaryOperator<String> quote) {
        Object v = values.get(l.path());
        return switch (l.type()) {
            case INT, BOOL -> String.valueOf(v);
            case DOUBLE -> String.format(Locale.ROOT, "%f", (Double) v);
            case STRING -> quote.apply((String) v);
        };
    }

    /**
     * The saved form of a level: pretty JSON (2-space indent, {@code ": "}) holding only the leaves
     * that differ from {@code base}, groups with no such leaf left out, no trailing newline
     * (capture {@code fs_get_conf9}). With nothing to save it is {@code {}}.
     */
    public String prettyDiff(ConfigTree base, UnaryOperator<String> quote) {
        String body = diff(schema.root(), base, quote, "  ");
        return body.isEmpty() ? "{}" : "{\n" + body + "\n}";
    }

    private String diff(Group g, ConfigTree base, UnaryOperator<String> quote, String indent) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Node> e : g.children().entrySet()) {
            String item;
            if (e.getValue() instanceof Leaf l) {
                if (values.get(l.path()).equals(base.values.get(l.path()))) continue;
                item = scalar(l, quote);
            } else {
                String inner = diff((Group) e.getValue(), base, quote, indent + "  ");
                if (inner.isEmpty()) continue;
                item = "{\n" + inner + "\n" + indent + "}";
            }
            if (sb.length() > 0) sb.append(",\n");
            sb.append(indent).append('"').append(e.getKey()).append("\": ").append(item);
        }
        return sb.toString();
    }
}
