package dev.sesh.sim;

import dev.sesh.sim.service.DeviceJson;
import dev.sesh.sim.service.DeviceJsonOut;
import dev.sesh.sim.service.JsonToken;
import dev.sesh.sim.service.SimReply;

import java.util.Set;

/**
 * A request frame as the device's RPC core scans it (mos-captures README 5.5), and the reply
 * envelope it writes (mos-rpc.md 2.2). Fields hold raw token texts (strings without quotes, still
 * escaped); absent fields are null. {@code scanned} counts the envelope fields the lenient scan
 * picked up before it finished or hit a syntax error.
 */
record Envelope(JsonToken id, String src, String dst, String tag, String method, JsonToken params, int scanned) {
    private static final Set<String> FIELDS = Set.of(
            ".v", ".id", ".tag", ".src", ".dst", ".key", ".method", ".args", ".params", ".result", ".error", ".auth");

    /** Scans a frame's JSON; whatever was scanned before a syntax error is kept. */
    static Envelope scan(String json) {
        JsonToken[] id = new JsonToken[1], params = new JsonToken[1], args = new JsonToken[1];
        String[] text = new String[4]; // src, dst, tag, method
        int[] count = new int[1];
        DeviceJson.walk(json, (path, t) -> {
            if (!FIELDS.contains(path)) return;
            count[0]++;
            switch (path) {
                case ".id" -> id[0] = t;
                case ".src" -> text[0] = t.text();
                case ".dst" -> text[1] = t.text();
                case ".tag" -> text[2] = t.text();
                case ".method" -> text[3] = t.text();
                case ".params" -> params[0] = t;
                case ".args" -> args[0] = t;
                default -> { }
            }
        });
        return new Envelope(id[0], text[0], text[1], text[2], text[3], params[0] != null ? params[0] : args[0], count[0]);
    }

    /** True if the id is of a type the core accepts (number or string) or absent. */
    boolean idValid() {
        return id == null || id.type() == JsonToken.Type.NUMBER || id.type() == JsonToken.Type.STRING;
    }

    /** A request without an id (or with an empty one) runs but gets no reply. */
    boolean wantsReply() { return id != null && !id.text().isEmpty(); }

    boolean isRequest() { return method != null && !method.isEmpty(); }

    /**
     * The reply frame's JSON: {@code id} (bare if all decimal digits, else quoted), {@code src}
     * (the request's dst, else the device id), {@code dst} (the request's src, if any), {@code tag}
     * (if any), then {@code result} or {@code error}. Compact; the result body is the handler's
     * text, cut at a NUL as the firmware's C string is.
     */
    String reply(String deviceId, SimReply reply) {
        StringBuilder sb = new StringBuilder(64).append("{\"id\":");
        String idText = id.text();
        sb.append(idText.chars().allMatch(c -> c >= '0' && c <= '9') ? idText : DeviceJsonOut.quoted(idText));
        sb.append(",\"src\":").append(DeviceJsonOut.quoted(dst != null && !dst.isEmpty() ? dst : deviceId));
        if (src != null && !src.isEmpty()) sb.append(",\"dst\":").append(DeviceJsonOut.quoted(src));
        if (tag != null) sb.append(",\"tag\":").append(DeviceJsonOut.quoted(tag));
        if (reply instanceof SimReply.Result r) {
            sb.append(",\"result\":").append(cutAtNul(r.body()));
        } else if (reply instanceof SimReply.Error e) {
            sb.append(",\"error\":{\"code\":").append(e.code());
            if (e.message() != null) sb.append(",\"message\":").append(cutAtNul(DeviceJsonOut.quoted(e.message())));
            sb.append('}');
        } else {
            throw new IllegalArgumentException("no reply to write");
        }
        return sb.append('}').toString();
    }

    private static String cutAtNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
