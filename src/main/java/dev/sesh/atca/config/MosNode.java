package dev.sesh.atca.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.SeshException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed YAML or JSON document reduced to maps, lists and scalar text, each node knowing where it
 * came from ("line 12" for YAML, a path for JSON) so that errors can point at it.
 */
final class MosNode {
    enum Kind { MAP, LIST, SCALAR, NULL }

    /** One map entry: its key as written and where the key stands. */
    record Entry(String key, MosNode value, String where) {}

    private final Kind kind;
    private final String text;
    private final List<MosNode> items;
    private final Map<String, Entry> fields;
    private final String where;

    private MosNode(Kind kind, String text, List<MosNode> items, Map<String, Entry> fields, String where) {
        this.kind = kind;
        this.text = text;
        this.items = items;
        this.fields = fields;
        this.where = where;
    }

    Kind kind() { return kind; }

    /** Scalar text (null for other kinds). */
    String text() { return text; }

    List<MosNode> items() { return items; }

    /** Map entries by key: YAML keys as written, JSON keys lower-cased (Go matches them case-insensitively). */
    Map<String, Entry> fields() { return fields; }

    /** "line 12" or a JSON path. */
    String where() { return where; }

    static MosNode parseYaml(String text, String source) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            root = new org.yaml.snakeyaml.Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
            throw SeshException.badArg(source + (m != null ? " line " + (m.getLine() + 1) : "") + ": " + oneLine(problem),
                    "the file is not valid YAML");
        } catch (YAMLException e) {
            throw SeshException.badArg(source + ": " + oneLine(String.valueOf(e.getMessage())), "the file is not valid YAML");
        }
        if (root == null) throw SeshException.badArg(source + ": the file is empty", "give a config as mos atca-get-config writes it");
        return fromYaml(root, source);
    }

    private static MosNode fromYaml(Node n, String source) {
        String where = "line " + (n.getStartMark().getLine() + 1);
        if (n instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) return new MosNode(Kind.NULL, null, List.of(), Map.of(), where);
            return new MosNode(Kind.SCALAR, s.getValue(), List.of(), Map.of(), where);
        }
        if (n instanceof SequenceNode seq) {
            List<MosNode> items = new ArrayList<>();
            for (Node c : seq.getValue()) items.add(fromYaml(c, source));
            return new MosNode(Kind.LIST, null, items, Map.of(), where);
        }
        MappingNode map = (MappingNode) n;
        Map<String, Entry> fields = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String keyWhere = "line " + (t.getKeyNode().getStartMark().getLine() + 1);
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw SeshException.badArg(source + " " + keyWhere + ": a key must be a plain word", "use the keys mos atca-get-config writes");
            }
            if (fields.containsKey(k.getValue())) {
                throw SeshException.badArg(source + " " + keyWhere + ": key '" + k.getValue() + "' appears twice", "keep one of them");
            }
            fields.put(k.getValue(), new Entry(k.getValue(), fromYaml(t.getValueNode(), source), keyWhere));
        }
        return new MosNode(Kind.MAP, null, List.of(), fields, where);
    }

    static MosNode parseJson(String text, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String loc = e.getLocation() != null ? " line " + e.getLocation().getLineNr() : "";
            throw SeshException.badArg(source + loc + ": " + oneLine(e.getOriginalMessage()), "the file is not valid JSON");
        }
        if (root == null || root.isMissingNode()) throw SeshException.badArg(source + ": the file is empty", "give a config as mos atca-get-config writes it");
        return fromJson(root, source, "top level");
    }

    private static MosNode fromJson(JsonNode n, String source, String path) {
        if (n.isNull()) return new MosNode(Kind.NULL, null, List.of(), Map.of(), path);
        if (n.isArray()) {
            List<MosNode> items = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) items.add(fromJson(n.get(i), source, path + "[" + i + "]"));
            return new MosNode(Kind.LIST, null, items, Map.of(), path);
        }
        if (n.isObject()) {
            Map<String, Entry> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey().toLowerCase(Locale.ROOT);
                String keyPath = path.equals("top level") ? e.getKey() : path + "." + e.getKey();
                if (fields.containsKey(key)) {
                    throw SeshException.badArg(source + " " + keyPath + ": key appears twice", "keep one of them");
                }
                fields.put(key, new Entry(e.getKey(), fromJson(e.getValue(), source, keyPath), keyPath));
            }
            return new MosNode(Kind.MAP, null, List.of(), fields, path);
        }
        return new MosNode(Kind.SCALAR, n.asText(), List.of(), Map.of(), path);
    }

    private static String oneLine(String s) { return s == null ? "malformed input" : s.replaceAll("\\s+", " ").trim(); }
}
