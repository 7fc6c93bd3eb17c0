package dev.sesh.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The firmware's config combinations that break a board, as a pure function of (current config,
 * requested changes) -> fixes or a refusal. Every way a config change reaches a board uses it:
 * {@code config set}, Groovy's {@code config.set(...)}, {@code call Config.Set} and the link guard.
 * Keys are dotted ({@code sys.atca.enable}); values are plain Java values (Boolean, Number, String).
 *
 * <p>The rules (Mongoose OS 2.x on an ESP8266):
 * <ul>
 * <li>A text value with a character >= U+0080 is refused: the firmware stores it as raw bytes and
 *     every later reply carrying it is a frame that does not parse.</li>
 * <li>{@code sys.atca.enable=true} needs the I2C bus {@code sys.atca.i2c_bus} enabled
 *     ({@code i2c.enable}, or {@code i2c1.enable} for bus 1): otherwise the atca library's init logs
 *     {@code ATCA requires I2C to be enabled}, the firmware's init fails ({@code Init failed: -32}) and
 *     the board restarts every 0.5 s without ever starting RPC; only reflashing recovers it. Fixed by
 *     adding {@code i2c.enable=true}, unless the request itself turns the bus off (refused).</li>
 * <li>Over the RPC UART, changing {@code rpc.uart.uart_no} or {@code rpc.uart.baud_rate}, or
 *     {@code rpc.enable=false}, cuts the link the change was sent over: refused.</li>
 * </ul>
 */
public final class ConfigRules {
    private ConfigRules() {}

    /** Why a request is refused: one line naming the problem, and the way to do it right. */
    public record Refusal(String message, String hint) {
        public Refusal { Objects.requireNonNull(message); Objects.requireNonNull(hint); }
    }

    /**
     * The outcome: {@code fixes} are keys to add to the request (each with its reason in
     * {@code notes}); {@code refusal} present means the request must not be sent.
     */
    public record Verdict(Map<String, Object> fixes, List<String> notes, Optional<Refusal> refusal) {
        public Verdict { fixes = Map.copyOf(fixes); notes = List.copyOf(notes); Objects.requireNonNull(refusal); }

        public boolean refused() { return refusal.isPresent(); }

        /** The request with the fixes added (the request's own order first). */
        public Map<String, Object> apply(Map<String, ?> requested) {
            Map<String, Object> m = new LinkedHashMap<>(requested);
            m.putAll(fixes);
            return m;
        }
    }

    /**
     * Checks {@code requested} against {@code current} (the board's live config, flat dotted keys).
     * {@code overRpcUart}: the request travels over the RPC UART (serial, or a TCP bridge to one).
     * An empty {@code current} means it could not be read: only the rules that need it not apply.
     */
    public static Verdict check(Map<String, ?> current, Map<String, ?> requested, boolean overRpcUart) {
        Map<String, Object> fixes = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Optional<Refusal> text = nonAscii(requested);
        if (text.isPresent()) return new Verdict(fixes, notes, text);
        Optional<Refusal> link = overRpcUart ? linkCut(current, requested) : Optional.empty();
        if (link.isPresent()) return new Verdict(fixes, notes, link);
        if (Boolean.FALSE.equals(bool(requested.get("rpc.enable")))) {
            return new Verdict(fixes, notes, Optional.of(new Refusal("rpc.enable=false turns off RPC: sesh (and mos) could not reach the board again",
                    "leave rpc.enable on; reflashing is the only way back")));
        }
        Object atca = effective(current, requested, "sys.atca.enable");
        if (!current.isEmpty() && Boolean.TRUE.equals(bool(atca))) {
            long bus = number(effective(current, requested, "sys.atca.i2c_bus"), 0);
            String busKey = bus == 0 ? "i2c.enable" : "i2c" + bus + ".enable";
            if (!current.containsKey(busKey)) {
                return new Verdict(fixes, notes, Optional.of(new Refusal("sys.atca.i2c_bus=" + bus + " names an I2C bus this board does not have",
                        "use sys.atca.i2c_bus=0 (i2c.*)")));
            }
            if (!Boolean.TRUE.equals(bool(effective(current, requested, busKey)))) {
                if (requested.containsKey(busKey)) {
                    return new Verdict(fixes, notes, Optional.of(new Refusal(busKey + "=false with sys.atca.enable=true makes the firmware fail its boot"
                            + " (ATCA requires I2C to be enabled) and restart every 0.5 s without RPC",
                            "keep " + busKey + "=true, or set sys.atca.enable=false as well")));
                }
                fixes.put(busKey, Boolean.TRUE);
                notes.add("adds " + busKey + "=true: sys.atca.enable=true without it makes the firmware fail its boot and restart every 0.5 s");
            }
        }
        return new Verdict(fixes, notes, Optional.empty());
    }

    /**
     * A nested config patch (as Config.Set's {@code config} param: maps of maps) as flat dotted
     * keys, for callers that hold the JSON shape.
     */
    public static Map<String, Object> flatten(Map<String, ?> nested) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", nested, out);
        return out;
    }

    private static void flatten(String prefix, Map<String, ?> m, Map<String, Object> out) {
        for (Map.Entry<String, ?> e : m.entrySet()) {
            String k = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> sub) {
                Map<String, Object> typed = new LinkedHashMap<>();
                sub.forEach((sk, sv) -> typed.put(String.valueOf(sk), sv));
                flatten(k, typed, out);
            } else {
                out.put(k, e.getValue());
            }
        }
    }

    // The firmware keeps config text as bytes and prints them raw: a byte >= 0x80 breaks every later
    // reply frame that carries it (capture config_get_u00e9), so such a value never leaves the host.
    private static Optional<Refusal> nonAscii(Map<String, ?> requested) {
        for (Map.Entry<String, ?> e : requested.entrySet()) {
            if (!(e.getValue() instanceof String v)) continue;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x80) continue;
                return Optional.of(new Refusal(e.getKey() + " value has character U+" + String.format("%04X", (int) c) + " at position " + i
                        + ": the firmware would send broken reply frames for it",
                        "config values are plain ASCII only; write it without accents or symbols"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> linkCut(Map<String, ?> current, Map<String, ?> requested) {
        for (String key : List.of("rpc.uart.uart_no", "rpc.uart.baud_rate")) {
            if (!requested.containsKey(key)) continue;
            long now = number(current.get(key), Long.MIN_VALUE);
            long want = number(requested.get(key), Long.MIN_VALUE);
            if (now == want) continue;
            return Optional.of(new Refusal(key + "=" + requested.get(key) + " cuts this link: after the reboot the board's RPC no longer answers on this UART"
                    + (key.endsWith("baud_rate") ? " at this baud rate" : ""),
                    "change it over another link (--port http://IP/rpc) or with mos; over this UART leave " + key + "=" + current.get(key)));
        }
        return Optional.empty();
    }

    private static Object effective(Map<String, ?> current, Map<String, ?> requested, String key) {
        return requested.containsKey(key) ? requested.get(key) : current.get(key);
    }

    // Values may arrive as text ("true", "0x1") from callers that have not typed them yet.
    private static Boolean bool(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
        return v == null ? null : Boolean.FALSE;
    }

    private static long number(Object v, long dflt) {
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            try {
                String t = s.trim();
                return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
        return dflt;
    }
}
