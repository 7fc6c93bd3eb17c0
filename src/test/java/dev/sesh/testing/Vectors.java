package dev.sesh.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.bytes.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reader for reference/atecc-vectors.json. The reference folder comes from the system property
 * {@code sesh.reference} (set by the pom), falling back to {@code src/test/resources/reference}.
 */
public final class Vectors {
    private static JsonNode root;

    private Vectors() {}

    public static Path referenceDir() {
        return Path.of(System.getProperty("sesh.reference", "src/test/resources/reference"));
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            try {
                root = new ObjectMapper().readTree(Files.readString(referenceDir().resolve("atecc-vectors.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** The node at a path of object keys and array indexes, e.g. {@code at("ecc", "sign", "digest")}. */
    public static JsonNode at(Object... path) {
        JsonNode n = root();
        for (Object p : path) {
            n = p instanceof Integer i ? n.get(i) : n.get((String) p);
            if (n == null) throw new IllegalArgumentException("no vector at " + java.util.Arrays.toString(path));
        }
        return n;
    }

    /** The hex string at a path, as bytes. */
    public static Bytes hex(Object... path) { return Bytes.ofHex(at(path).asText()); }

    /** A "0x.." number at a path. */
    public static int num(Object... path) {
        String s = at(path).asText();
        return Integer.parseInt(s.startsWith("0x") ? s.substring(2) : s, s.startsWith("0x") ? 16 : 10);
    }
}
