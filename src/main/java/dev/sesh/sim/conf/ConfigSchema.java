package dev.sesh.sim.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An ordered config schema: groups and typed leaves with defaults, in the order the firmware's config
 * generator emits them (Config.Get prints keys in exactly this order). Immutable once built.
 */
public final class ConfigSchema {

    /** A schema node: a group of children or a typed leaf. */
    public sealed interface Node permits Group, Leaf {
        /** Dotted path from the root; "" for the root group. */
        String path();
    }

    /** A group; {@code children} keep schema order. */
    public record Group(String path, Map<String, Node> children) implements Node {
        public Group {
            children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
        }
    }

    /** A typed value with its compiled-in (level 0) default. */
    public record Leaf(String path, ConfigType type, Object defaultValue) implements Node {}

    private final Group root;
    private final List<Leaf> leaves;
    private final Map<String, Node> byPath;

    private ConfigSchema(Group root) {
        this.root = root;
        List<Leaf> ls = new ArrayList<>();
        Map<String, Node> bp = new LinkedHashMap<>();
        index(root, ls, bp);
        this.leaves = List.copyOf(ls);
        this.byPath = Collections.unmodifiableMap(bp);
    }

    private static void index(Node n, List<Leaf> ls, Map<String, Node> bp) {
        bp.put(n.path(), n);
        if (n instanceof Leaf l) {
            ls.add(l);
        } else {
            for (Node c : ((Group) n).children().values()) index(c, ls, bp);
        }
    }

    public Group root() { return root; }

    /** Every leaf in schema order. */
    public List<Leaf> leaves() { return leaves; }

    /** The node at a dotted path ("" is the root). */
    public Optional<Node> find(String path) { return Optional.ofNullable(byPath.get(path)); }

    public static Builder builder() { return new Builder(""); }

    /** Builds a schema in emission order; {@code group} opens a nested builder. */
    public static final class Builder {
        private final String prefix;
        private final Map<String, Object> parts = new LinkedHashMap<>();

        private Builder(String prefix) { this.prefix = prefix; }

        private String child(String key) { return prefix.isEmpty() ? key : prefix + "." + key; }

        public Builder i(String key, long def) { return leaf(key, ConfigType.INT, def); }

        public Builder b(String key, boolean def) { return leaf(key, ConfigType.BOOL, def); }

        public Builder d(String key, double def) { return leaf(key, ConfigType.DOUBLE, def); }

        public Builder s(String key, String def) { return leaf(key, ConfigType.STRING, def); }

        /** Several string leaves defaulting to "". */
        public Builder empty(String... keys) {
            for (String k : keys) s(k, "");
            return this;
        }

        private Builder leaf(String key, ConfigType type, Object def) {
            parts.put(key, new Leaf(child(key), type, def));
            return this;
        }

        /** A nested group; {@code body} fills it. */
        public Builder group(String key, Consumer<Builder> body) {
            Builder b = (Builder) parts.computeIfAbsent(key, k -> new Builder(child(k)));
            body.accept(b);
            return this;
        }

        private Group toGroup() {
            Map<String, Node> ch = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : parts.entrySet()) {
                Object v = e.getValue();
                ch.put(e.getKey(), v instanceof Builder b ? b.toGroup() : (Node) v);
            }
            return new Group(prefix, ch);
        }

        public ConfigSchema build() { return new ConfigSchema(toGroup()); }
    }
}
