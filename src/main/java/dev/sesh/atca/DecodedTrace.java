package dev.sesh.atca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sesh.atca.packet.ChipTrace;
import dev.sesh.bytes.Hex;
import dev.sesh.device.FrameListener;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The decoded wire trace ({@code --trace}, {@code trace on}; issue 19): one line per RPC frame,
 * {@code --> #7 Config.Get {"key":"i2c"}} and {@code <-- #7 Config.Get ok 12 ms {...}}, and inside
 * {@code I2C.Write}/{@code I2C.Read} to an ATECC address (0x60-0x67, or any address whose bytes
 * are a valid command group) the chip packet decoded by {@link ChipTrace}. Parameters and results
 * of other methods pass through {@code redactor} (plan.Redactor's {@code json}), so secrets print
 * as lengths as in {@code --debug}; chip data follows ChipTrace's rules, which show a config-zone
 * Read's bytes and hide key and encrypted payloads.
 * <p>Thread-safe: sent frames arrive on callers' threads, replies on the reader thread.
 */
public final class DecodedTrace implements FrameListener {
    /** Longest parameter or result text shown; the rest is cut with its length. */
    static final int MAX_TEXT = 160;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sent(String method, JsonNode params, long nanos, int chipAddress) {}

    private final Consumer<String> out;
    private final UnaryOperator<String> redactor;
    private final LongSupplier nanos;
    private final Map<Long, Sent> pending = new ConcurrentHashMap<>();
    private final Map<Integer, ChipTrace> chips = new HashMap<>();

    /** Lines go to {@code out}; {@code nanos} times each call (the board's clock). */
    public DecodedTrace(Consumer<String> out, UnaryOperator<String> redactor, LongSupplier nanos) {
        this.out = out;
        this.redactor = redactor;
        this.nanos = nanos;
    }

    @Override public void frame(boolean sent, String json) {
        JsonNode f;
        try {
            f = JSON.readTree(json);
        } catch (Exception e) {
            out.accept((sent ? "--> " : "<-- ") + "<not JSON, " + json.length() + " chars>");
            return;
        }
        if (f == null || !f.isObject()) return;
        if (sent) sent((ObjectNode) f);
        else received((ObjectNode) f);
    }

    private void sent(ObjectNode f) {
        String method = f.path("method").asText("");
        JsonNode params = f.path("params");
        long id = f.path("id").asLong(-1);
        String m = method.toLowerCase(Locale.ROOT);
        int addr = address(params.get("addr"));
        String line;
        int chip = -1;
        if (m.equals("i2c.write") && addr == 0 && isWake(hex(params))) {
            chip = 0;
            line = ChipTrace.wakePulse();
        } else if (m.equals("i2c.write") && addr >= 0 && isChip(addr, hex(params))) {
            chip = addr;
            line = String.format("0x%02x ", addr) + chip(addr).write(hex(params));
        } else if (m.equals("i2c.read") && addr >= 0 && isChipAddress(addr)) {
            chip = addr;
            line = String.format("0x%02x read %d bytes", addr, params.path("len").asInt());
        } else {
            line = params.isMissingNode() || params.isNull() ? "" : cut(redacted(method, "params", params));
        }
        pending.put(id, new Sent(method, params, nanos.getAsLong(), chip));
        out.accept(("--> #" + id + " " + method + " " + line).stripTrailing());
    }

    private void received(ObjectNode f) {
        long id = f.path("id").asLong(-1);
        Sent s = pending.remove(id);
        String method = s == null ? "(unknown id)" : s.method();
        String time = s == null ? "" : " " + millis(nanos.getAsLong() - s.nanos()) + " ms";
        JsonNode error = f.get("error");
        if (error != null && !error.isNull()) {
            // Nothing answers address 0x00: the wake pulse always "fails", and that is how it works.
            String expected = s != null && s.chipAddress() == 0 ? " (expected for the wake pulse: no device ACKs 0x00)" : "";
            out.accept("<-- #" + id + " " + method + " error " + error.path("code").asText("?") + " "
                    + cut(error.path("message").asText("")) + time + expected);
            return;
        }
        JsonNode result = f.path("result");
        String text;
        if (s != null && s.chipAddress() >= 0 && s.method().toLowerCase(Locale.ROOT).equals("i2c.read")) {
            text = String.format("0x%02x ", s.chipAddress()) + chip(s.chipAddress()).read(hexOf(result.path("data_hex").asText("")));
        } else {
            text = result.isMissingNode() || result.isNull() ? "" : cut(redacted(method, "result", result));
        }
        out.accept(("<-- #" + id + " " + method + " ok" + time + " " + text).stripTrailing());
    }

    private synchronized ChipTrace chip(int addr) { return chips.computeIfAbsent(addr, a -> new ChipTrace()); }

    private String redacted(String method, String field, JsonNode value) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("method", method);
        frame.set(field, value);
        JsonNode back;
        try {
            back = JSON.readTree(redactor.apply(JSON.writeValueAsString(frame)));
        } catch (Exception e) {
            return "<hidden>";
        }
        if (back == null || !back.has(field)) return "<hidden>";
        try {
            return JSON.writeValueAsString(back.get(field));
        } catch (Exception e) {
            return "<hidden>";
        }
    }

    private static boolean isChip(int addr, byte[] data) {
        return isChipAddress(addr) || (data.length >= 8 && data[0] == 3 && (data[1] & 0xff) == data.length - 1
                && dev.sesh.atca.packet.Crc16.checks(java.util.Arrays.copyOfRange(data, 1, data.length), data.length - 1));
    }

    /** The firmware's wake: one 0x00 byte (or none) written to address 0x00 at 100 kHz. */
    private static boolean isWake(byte[] data) { return data.length == 0 || (data.length == 1 && data[0] == 0); }

    private static boolean isChipAddress(int addr) { return addr >= 0x60 && addr <= 0x67; }

    private static byte[] hex(JsonNode params) {
        JsonNode d = params.get("data_hex");
        return d == null ? new byte[0] : hexOf(d.asText(""));
    }

    private static byte[] hexOf(String s) {
        try {
            return Hex.parse(s.trim());
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }

    /** The address as the firmware reads it: a number, a numeric string or 0x hex; -1 when absent. */
    private static int address(JsonNode a) {
        if (a == null) return -1;
        if (a.isNumber()) return (int) a.asDouble();
        if (!a.isTextual()) return -1;
        String t = a.asText().trim().toLowerCase(Locale.ROOT);
        try {
            return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : (int) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String millis(long nanos) {
        return nanos < 10_000_000L ? String.format(Locale.ROOT, "%.1f", nanos / 1e6) : String.valueOf(nanos / 1_000_000L);
    }

    static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "... (" + s.length() + " chars)";
    }
}
