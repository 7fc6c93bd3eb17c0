package dev.sesh.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads reference/mos-captures/captures.jsonl (path from the {@code sesh.reference} property). */
final class Captures {
    record Exchange(String name, int boot, byte[] host, byte[] device, String note) {}

    private Captures() {}

    static Path referenceDir() {
        return Path.of(System.getProperty("sesh.reference", "src/test/resources/reference"));
    }

    static List<Exchange> load() throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Exchange> out = new ArrayList<>();
        for (String line : Files.readAllLines(referenceDir().resolve("mos-captures/captures.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode n = om.readTree(line);
            out.add(new Exchange(n.get("name").asText(), n.path("boot").asInt(1),
                    HexFormat.of().parseHex(n.get("host_bytes_hex").asText()),
                    HexFormat.of().parseHex(n.get("device_bytes_hex").asText()), n.path("note").asText()));
        }
        return out;
    }

    /** Bytes as readable text: printable ASCII kept, \n \r \t and \xNN escapes otherwise. */
    static String show(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c == '\\') sb.append("\\\\");
            else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
