package dev.sesh.sim.conf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.bytes.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the {@code result} text of one exchange in reference/mos-captures/captures.jsonl. */
final class CaptureResults {
    private CaptureResults() {}

    /** The raw result body (one char per byte) of a reply sent in newline framing without CRC. */
    static String result(String name) {
        Path file = Path.of(System.getProperty("sesh.reference", "src/test/resources/reference"), "mos-captures", "captures.jsonl");
        ObjectMapper om = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(file)) {
                JsonNode n = om.readTree(line);
                if (!n.get("name").asText().equals(name)) continue;
                String dev = new String(Hex.parse(n.get("device_bytes_hex").asText()), StandardCharsets.ISO_8859_1);
                int at = dev.indexOf("\"result\":") + "\"result\":".length();
                // newline framing without CRC: the envelope's closing brace ends the line
                int end = dev.indexOf('\n', at) - 1;
                return dev.substring(at, end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no capture " + name);
    }
}
