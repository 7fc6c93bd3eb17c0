package dev.sesh.atca.config;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@link MosStruct} tree the way Go's yaml.v2 prints mos's struct (reference/atecc.md 5.5):
 * two-space indents, block lists at their key's indent ("- "), scalars unquoted (no value mos
 * writes needs quotes).
 */
final class MosYamlWriter {
    private MosYamlWriter() {}

    static String write(Map<String, Object> tree) {
        StringBuilder sb = new StringBuilder(8192);
        map(sb, tree, "", null);
        return sb.toString();
    }

    /** Writes a map; {@code first}, if not null, prefixes the first line instead of {@code indent} (list items). */
    private static void map(StringBuilder sb, Map<?, ?> m, String indent, String first) {
        boolean head = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(head && first != null ? first : indent).append(e.getKey()).append(':');
            head = false;
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub) {
                sb.append('\n');
                map(sb, sub, indent + "  ", null);
            } else if (v instanceof List<?> list) {
                sb.append('\n');
                list(sb, list, indent);
            } else if (v instanceof MosStruct.Serial s) {
                sb.append('\n');
                for (int i = 0; i < s.bytes().length(); i++) sb.append(indent).append("- ").append(s.bytes().get(i)).append('\n');
            } else {
                sb.append(' ').append(v).append('\n');
            }
        }
    }

    private static void list(StringBuilder sb, List<?> list, String indent) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> m) map(sb, m, indent + "  ", indent + "- ");
            else sb.append(indent).append("- ").append(item).append('\n');
        }
    }
}
