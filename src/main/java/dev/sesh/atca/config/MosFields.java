package dev.sesh.atca.config;

import dev.sesh.SeshException;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one map of a mos config document: typed getters that treat a missing key as 0/false (as Go
 * does) and {@link #done()}, which rejects any key nobody asked for, naming it and its line.
 */
final class MosFields {
    private static final String HINT = "the keys are those mos atca-get-config writes (atca config show --format yaml shows them all)";

    private final MosNode node;
    private final String source;
    private final String context;
    private final boolean json;
    private final Set<String> used = new HashSet<>();

    MosFields(MosNode node, String source, String context, boolean json) {
        this.source = source;
        this.context = context;
        this.json = json;
        if (node.kind() != MosNode.Kind.MAP) throw error(node.where(), (context.isEmpty() ? "the document" : context) + " must be a map of keys");
        this.node = node;
    }

    boolean json() { return json; }

    String source() { return source; }

    boolean has(String key) { return node.fields().containsKey(key) && node.fields().get(key).value().kind() != MosNode.Kind.NULL; }

    /** The value of {@code key}, or null if it is missing or null. Marks the key as known. */
    MosNode get(String key) {
        used.add(key);
        MosNode.Entry e = node.fields().get(key);
        return e == null || e.value().kind() == MosNode.Kind.NULL ? null : e.value();
    }

    MosFields map(String key) {
        MosNode n = get(key);
        return n == null ? null : new MosFields(n, source, name(key), json);
    }

    List<MosNode> list(String key, int size) {
        MosNode n = get(key);
        if (n == null) throw error(node.where(), name(key) + " is missing: it must list " + size + " entries");
        if (n.kind() != MosNode.Kind.LIST || n.items().size() != size) {
            int got = n.kind() == MosNode.Kind.LIST ? n.items().size() : 0;
            throw error(n.where(), name(key) + " must list exactly " + size + " entries, got " + got);
        }
        return n.items();
    }

    boolean bool(String key) {
        MosNode n = get(key);
        if (n == null) return false;
        String t = scalar(n, key).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes", "on", "y" -> true;
            case "false", "no", "off", "n" -> false;
            default -> throw error(n.where(), name(key) + ": expected true or false, got '" + n.text() + "'");
        };
    }

    /** An unsigned integer of {@code bits} bits (YAML 1.1 forms: decimal, 0x, 0o or leading-0 octal, 0b, underscores). */
    BigInteger uint(String key, int bits) {
        MosNode n = get(key);
        if (n == null) return BigInteger.ZERO;
        return parseUint(n, key, bits);
    }

    int u(String key, int bits) { return uint(key, bits).intValue(); }

    BigInteger parseUint(MosNode n, String key, int bits) {
        String t = scalar(n, key).replace("_", "");
        if (t.startsWith("+")) t = t.substring(1);
        int radix = 10;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) { radix = 16; t = t.substring(2); }
        else if (lower.startsWith("0o")) { radix = 8; t = t.substring(2); }
        else if (lower.startsWith("0b")) { radix = 2; t = t.substring(2); }
        else if (t.length() > 1 && t.startsWith("0") && t.chars().allMatch(c -> c >= '0' && c <= '7')) radix = 8; // YAML 1.1, as yaml.v2 reads it
        BigInteger v;
        try {
            v = new BigInteger(t, radix);
        } catch (NumberFormatException e) {
            throw error(n.where(), name(key) + ": expected a number, got '" + n.text() + "'");
        }
        if (v.signum() < 0 || v.bitLength() > bits) {
            throw error(n.where(), name(key) + ": " + n.text() + " is outside 0.." + BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        }
        return v;
    }

    String string(String key) {
        MosNode n = get(key);
        return n == null ? "" : scalar(n, key);
    }

    /** Where {@code key} stands, or where this map starts if it is missing. */
    String where(String key) {
        MosNode.Entry e = node.fields().get(key);
        return e == null ? node.where() : e.where();
    }

    /** Rejects every key that no getter asked for. */
    void done() {
        for (MosNode.Entry e : node.fields().values()) {
            String k = json ? e.key().toLowerCase(Locale.ROOT) : e.key();
            if (!used.contains(k)) throw error(e.where(), "unknown key '" + e.key() + "'" + (context.isEmpty() ? "" : " in " + context));
        }
    }

    String scalar(MosNode n, String key) {
        if (n.kind() != MosNode.Kind.SCALAR) throw error(n.where(), name(key) + ": expected a single value");
        return n.text().trim();
    }

    String name(String key) { return context.isEmpty() ? key : context + "." + key; }

    SeshException error(String where, String message) {
        return SeshException.badArg(source + " " + where + ": " + message, HINT);
    }
}
