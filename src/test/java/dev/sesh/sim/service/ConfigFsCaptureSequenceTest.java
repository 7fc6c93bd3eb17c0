package dev.sesh.sim.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.bytes.Hex;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.fs.FlashFs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays, in capture order and across the captured reboots, every exchange of
 * reference/mos-captures that a Config.* or FS.* handler answered, and checks each handler's
 * result body (or error) and its log lines against the real firmware's bytes. Listing order is
 * compared as a set: the capture rig listed in its host directory's order (README 6.4).
 */
class ConfigFsCaptureSequenceTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record Exchange(String name, int boot, String method, String params, String device) {}

    static List<Exchange> exchanges() throws Exception {
        Path file = Path.of(System.getProperty("sesh.reference", "src/test/resources/reference"), "mos-captures", "captures.jsonl");
        List<Exchange> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            String host = latin1(n.get("host_bytes_hex").asText());
            String device = latin1(n.get("device_bytes_hex").asText());
            // only single requests that reached a handler (the core logs "<method> via UART" first)
            if (host.indexOf("\"method\"") != host.lastIndexOf("\"method\"") || !device.contains(" via UART ")) continue;
            String[] mp = new String[2];
            DeviceJson.walk(host.substring(host.indexOf('{')), (path, t) -> {
                if (path.equals(".method")) mp[0] = t.text();
                if (path.equals(".params")) mp[1] = t.text();
            });
            if (mp[0].startsWith("FS.") || mp[0].startsWith("Config.")) {
                out.add(new Exchange(n.get("name").asText(), n.get("boot").asInt(), mp[0], mp[1] == null ? "{}" : mp[1], device));
            }
        }
        return out;
    }

    static String latin1(String hex) { return new String(Hex.parse(hex), StandardCharsets.ISO_8859_1); }

    /** Service log lines between the via line and the reply, padding collapsed: {@code file:line msg}. */
    static List<String> logLines(String device) {
        List<String> out = new ArrayList<>();
        boolean after = false;
        for (String l : device.split("\n")) {
            if (l.contains(" via UART ")) { after = true; continue; }
            if (!after) continue;
            if (l.contains("\"result\":") || l.contains("\"error\":")) break;
            if (l.matches("^[^ ]+:\\d+ +.*")) out.add(l.replaceFirst("^([^ ]+:\\d+) +", "$1 "));
        }
        return out;
    }

    /** The reply as the harness prints it: the result body, or {@code code message}. */
    static String reply(String device) throws Exception {
        for (String l : device.split("\n")) {
            String f = l.replace("\"\"\"", "");
            if (f.matches(".*\\}[0-9a-f]{8}$")) f = f.substring(0, f.length() - 8);
            int r = f.indexOf("\"result\":");
            if (r >= 0) return f.substring(r + 9, f.length() - 1);
            int e = f.indexOf("\"error\":");
            if (e >= 0) {
                JsonNode err = JSON.readTree(f.substring(e + 8, f.length() - 1));
                return err.get("code").asInt() + " " + err.get("message").asText();
            }
        }
        throw new IllegalStateException("no reply in " + device);
    }

    static String sortedListing(String body) {
        if (!body.startsWith("[")) return body;
        String inner = body.substring(1, body.length() - 1);
        String[] items = inner.startsWith("{") ? inner.split("(?<=\\}),(?=\\{)") : inner.split(",");
        Arrays.sort(items);
        return "[" + String.join(",", items) + "]";
    }

    @Test void everyConfigAndFsExchangeMatchesTheFirmware() throws Exception {
        FlashFs fs = FlashFs.inMemory(FlashFs.factoryImage(), new VirtualClock());
        ConfigService config = new ConfigService(fs);
        FsService files = new FsService(fs);
        ServiceHarness h = new ServiceHarness(config, files);
        List<Exchange> all = exchanges();
        assertTrue(all.size() >= 80, "found " + all.size() + " exchanges");
        int boot = 0;
        for (Exchange x : all) {
            if (x.boot() != boot) {
                h.boot(config, files);
                boot = x.boot();
            }
            h.log.clear();
            String got = h.call(x.method(), x.params());
            int nul = got.indexOf('\0');
            if (nul >= 0) got = got.substring(0, nul); // the firmware's reply is a C string
            boolean listing = x.method().startsWith("FS.List");
            assertEquals(listing ? sortedListing(reply(x.device())) : reply(x.device()),
                    listing ? sortedListing(got) : got, x.name());
            assertEquals(logLines(x.device()), h.log.stream().map(l -> l.replaceFirst("^E ", "")).toList(), x.name());
        }
    }
}
