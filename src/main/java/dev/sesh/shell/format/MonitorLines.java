package dev.sesh.shell.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.LogMonitor;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How {@code monitor} prints the board's log (issue 19): a line as the board printed it, optionally
 * after a timestamp (seconds since the monitor started, or the local time of day), a run of non-text
 * bytes as one line saying how many, a reboot as a marker line; with {@code hexdump} every event's
 * bytes follow as a hex dump; with {@code json} each event is one JSON object on one line.
 */
public final class MonitorLines {
    /** Timestamps before each line. */
    public enum Stamp { NONE, RELATIVE, ABSOLUTE }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final Stamp stamp;
    private final boolean hexdump;
    private final boolean json;
    private final long startNanos;
    private final ZoneId zone;

    public MonitorLines(Stamp stamp, boolean hexdump, boolean json, long startNanos, ZoneId zone) {
        this.stamp = stamp;
        this.hexdump = hexdump;
        this.json = json;
        this.startNanos = startNanos;
        this.zone = zone;
    }

    /** The text for one event, ending in a newline. */
    public String of(LogMonitor.Event e) {
        if (json) return json(e);
        String text;
        byte[] raw;
        if (e instanceof LogMonitor.Line l) {
            text = l.text();
            raw = l.raw();
        } else if (e instanceof LogMonitor.NonText n) {
            text = "<" + n.raw().length + " non-text bytes: the ESP8266 ROM's 74880-baud boot message, or a wrong --baud"
                    + (hexdump ? "" : "; monitor --hexdump shows them") + ">";
            raw = n.raw();
        } else {
            text = "--- reboot ---";
            raw = new byte[0];
        }
        StringBuilder sb = new StringBuilder(prefix(e)).append(text).append('\n');
        if (hexdump && raw.length > 0) sb.append(HexDump.of(Bytes.of(raw)));
        return sb.toString();
    }

    /** A note of the monitor's own (link closed, reopened), in the same shape as device lines. */
    public String note(long nanos, java.time.Instant at, String text) {
        if (json) {
            ObjectNode o = base(nanos, at, "link");
            o.put("text", text);
            return o + "\n";
        }
        return prefix(nanos, at) + "--- " + text + " ---\n";
    }

    private String prefix(LogMonitor.Event e) { return prefix(e.nanos(), e.at()); }

    private String prefix(long nanos, java.time.Instant at) {
        return switch (stamp) {
            case NONE -> "";
            case RELATIVE -> String.format(Locale.ROOT, "[+%9.3f] ", (nanos - startNanos) / 1e9);
            case ABSOLUTE -> "[" + TIME.format(LocalTime.ofInstant(at, zone)) + "] ";
        };
    }

    private String json(LogMonitor.Event e) {
        ObjectNode o;
        if (e instanceof LogMonitor.Line l) {
            o = base(e.nanos(), e.at(), "line");
            o.put("text", l.text());
            if (hexdump) o.put("hex", Bytes.of(l.raw()).hex());
        } else if (e instanceof LogMonitor.NonText n) {
            o = base(e.nanos(), e.at(), "non_text");
            o.put("bytes", n.raw().length);
            o.put("hex", Bytes.of(n.raw()).hex());
        } else {
            o = base(e.nanos(), e.at(), "reboot");
            o.put("sign", ((LogMonitor.Reboot) e).sign());
        }
        return o + "\n";
    }

    private ObjectNode base(long nanos, java.time.Instant at, String type) {
        ObjectNode o = JSON.createObjectNode();
        o.put("t", Math.round((nanos - startNanos) / 1e6) / 1e3);
        o.put("at", at.toString());
        o.put("type", type);
        return o;
    }
}
