package dev.sesh.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Action.Kind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Classifies one outgoing RPC request the way the firmware will read it (design.md 5.9): the
 * method matched without regard to case, numbers given as numbers, numeric strings ({@code "96"},
 * {@code "0x60"}) or floats, hex in either case with a last odd digit dropped, and any I2C write
 * whose bytes start a chip command group (word address 0x03) decoded as a chip command whatever
 * the address, because a chip can be moved. Read-only frames give no actions; anything not known
 * to be read-only is a change.
 */
public final class FrameClassifier {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> READ_ONLY = java.util.Set.of(
            "sys.getinfo", "config.get", "fs.get", "fs.list", "fs.listext",
            "i2c.scan", "i2c.read", "i2c.readregb", "i2c.readregw",
            "atca.getconfig", "atca.getpubkey", "atca.sign", "atca.aes");

    /** The verdict on one frame: what it changes (empty: read-only) and a one-line description. */
    public record Verdict(List<Action> actions, String what) {
        public Verdict { actions = List.copyOf(actions); }

        public boolean isChange() { return !actions.isEmpty(); }

        /** The plan classification: read-only, or the strictest of the actions. */
        public Classification classification() {
            if (actions.isEmpty()) return Classification.readOnly(what);
            boolean irr = actions.stream().anyMatch(a -> a.reversibility() == Reversibility.IRREVERSIBLE);
            return irr ? Classification.irreversible(what) : Classification.reversible(what);
        }
    }

    private FrameClassifier() {}

    /** Classifies {@code method} with its params as JSON text (null or blank: none). */
    public static Verdict classify(String method, String paramsJson) {
        if (readOnly(norm(method))) return new Verdict(List.of(), method);    // most frames: no params to parse
        JsonNode params;
        try {
            params = paramsJson == null || paramsJson.isBlank() ? JSON.createObjectNode() : JSON.readTree(paramsJson);
        } catch (java.io.IOException e) {
            // The firmware would not parse it either; sesh never sends what it cannot parse, but be strict.
            return new Verdict(List.of(Action.reversible(Kind.RPC, norm(method))), method + " with params that are not JSON");
        }
        if (params == null || !params.isObject()) params = JSON.createObjectNode();
        return classify(method, params);
    }

    /** Classifies {@code method} with parsed params. */
    public static Verdict classify(String method, JsonNode p) {
        String m = norm(method);
        if (readOnly(m)) return new Verdict(List.of(), method);
        switch (m) {
            case "fs.put": return one(Kind.FILE_WRITE, text(p, "filename"), false, method + " " + text(p, "filename"));
            case "fs.remove": return one(Kind.FILE_REMOVE, text(p, "filename"), false, method + " " + text(p, "filename"));
            case "fs.rename": {
                String t = text(p, "src") + " -> " + text(p, "dst");
                return one(Kind.FILE_RENAME, t, false, method + " " + t);
            }
            case "fs.mkfs": return one(Kind.FILESYSTEM, "mkfs", true, method + ": erases every file on the filesystem");
            case "fs.mount": case "fs.umount": return one(Kind.FILESYSTEM, m.substring(3), false, method);
            case "sys.reboot": return one(Kind.REBOOT, "", false, method + ": reboots the board");
            case "config.set": return configSet(method, p);
            case "config.save": {
                List<Action> a = new ArrayList<>(List.of(Action.reversible(Kind.CONFIG_SAVE, "")));
                if (truthy(p.get("reboot"))) a.add(Action.reversible(Kind.REBOOT, ""));
                return new Verdict(a, method + (truthy(p.get("reboot")) ? " and reboot" : ""));
            }
            case "atca.setconfig": return one(Kind.CHIP_CONFIG, "config", false, method + ": writes the config zone");
            case "atca.lockzone": {
                OptionalInt zone = number(p.get("zone"));
                String what = zone.isPresent() && zone.getAsInt() == 0 ? "config" : zone.isPresent() && zone.getAsInt() == 1 ? "data" : "zone " + text(p, "zone");
                return one(Kind.CHIP_LOCK, what, true, method + ": locks the " + (what.equals("data") ? "data zone" : what.equals("config") ? "config zone" : what) + ", without CRC check");
            }
            case "atca.setkey": {
                String slot = slot(number(p.get("slot")));
                return truthy(p.get("ecc"))
                        ? one(Kind.KEY_WRITE, slot, true, method + ": PrivWrite into " + slot + " (may destroy a key)")
                        : one(Kind.SLOT_WRITE, slot, false, method + ": writes " + slot);
            }
            case "atca.genkey": {
                String slot = slot(number(p.get("slot")));
                return one(Kind.KEY_GEN, slot, true, method + ": creates a new private key in " + slot + " (may destroy a key)");
            }
            case "i2c.write": {
                OptionalInt addr = number(p.get("addr"));
                JsonNode hex = p.get("data_hex");
                Bytes data = hex == null ? Bytes.EMPTY : firmwareHex(hex.isTextual() ? hex.textValue() : hex.toString());
                if (data == null) return one(Kind.I2C_WRITE, address(addr), true, method + " with data_hex that is not hex");
                return i2cWrite(addr, data);
            }
            case "i2c.writeregb": case "i2c.writeregw": {
                OptionalInt addr = number(p.get("addr"));
                OptionalInt reg = number(p.get("reg"));
                OptionalInt value = number(p.get("value"));
                if (reg.isEmpty() || value.isEmpty()) return one(Kind.I2C_WRITE, address(addr), false, method);
                int r = reg.getAsInt() & 0xff;
                int v = value.getAsInt();
                Bytes data = m.endsWith("b") ? Bytes.ofInts(r, v & 0xff) : Bytes.ofInts(r, (v >> 8) & 0xff, v & 0xff);
                return i2cWrite(addr, data);
            }
            default: return one(Kind.RPC, m, false, method);
        }
    }

    /**
     * An I2C write of {@code data} to {@code addr} (empty when the firmware would not read one):
     * empty writes and single-byte reset/sleep/idle words pass; bytes starting with word address
     * 0x03 are a chip command group decoded by opcode and params at any address; anything else is
     * a reversible write to that address.
     */
    public static Verdict i2cWrite(OptionalInt addr, Bytes data) {
        String to = String.format("I2C write of %d bytes to %s", data.length(), address(addr));
        if (data.length() == 0) return new Verdict(List.of(), to + " (empty)");
        int word = data.get(0);
        if (data.length() == 1 && word <= 0x02) return new Verdict(List.of(), to + (word == 0 ? " (reset I/O address)" : word == 1 ? " (sleep)" : " (idle)"));
        if (word == 0x03) {
            // A command group is at least 8 bytes (03, count, opcode, param1, param2 x2, CRC x2).
            // Shorter, it executes nothing; at an ATECC address (0x60-0x67) it is still taken as
            // the strictest case, elsewhere it is a register write like any other.
            boolean atecc = addr.isPresent() && addr.getAsInt() >= 0x60 && addr.getAsInt() <= 0x67;
            if (data.length() < 8 && !atecc) return one(Kind.I2C_WRITE, address(addr), false, to);
            if (data.length() < 6) {
                return one(Kind.CHIP_COMMAND, "incomplete", true, to + ": an incomplete chip command whose opcode or mode is missing");
            }
            Verdict v = chipCommand(data.get(2), data.get(3), data.get(4) | data.get(5) << 8);
            return new Verdict(v.actions(), to + ": " + v.what());
        }
        return one(Kind.I2C_WRITE, address(addr), false, to);
    }

    /** A chip command by opcode, param1 and param2 (a number): the actions it takes (reference/atecc.md 3, 6, 8). */
    public static Verdict chipCommand(int opcode, int param1, int param2) {
        Classification c = ChipCommandClassifier.classify(opcode, param1, param2);
        if (!c.isChange()) return new Verdict(List.of(), c.what());
        boolean irr = c.effect() == Effect.IRREVERSIBLE;
        int op = opcode & 0xff;
        switch (op) {
            case 0x12: { // Write
                int zone = param1 & 0x03;
                if (zone == 0) return one(Kind.CHIP_CONFIG, "config", irr, c.what());
                if (zone == 1) return one(Kind.CHIP_OTP, "otp", true, c.what() + " (OTP bytes may be one-time)");
                return one(Kind.SLOT_WRITE, "slot " + ((param2 >> 3) & 0x0f), irr, c.what() + " slot " + ((param2 >> 3) & 0x0f));
            }
            case 0x20: // UpdateExtra
                if (!irr) return one(Kind.CHIP_CONFIG, "config", false, c.what());
                return one(Kind.CHIP_COMMAND, String.format("UpdateExtra p1=0x%02x p2=0x%04x", param1 & 0xff, param2 & 0xffff), true, c.what());
            case 0x46: return one(Kind.KEY_WRITE, "slot " + (param2 & 0x0f), true, c.what());
            case 0x40: return one(Kind.KEY_GEN, "slot " + (param2 & 0xffff), true, c.what());
            case 0x17: {
                int zone = param1 & 0x03;
                String t = zone == 0 ? "config" : zone == 1 ? "data" : zone == 2 ? "slot " + ((param1 >> 2) & 0x0f) : "invalid";
                return one(Kind.CHIP_LOCK, t, true, c.what());
            }
            default:
                return one(Kind.CHIP_COMMAND, String.format("%s p1=0x%02x p2=0x%04x", ChipCommandClassifier.name(op), param1 & 0xff, param2 & 0xffff), irr, c.what());
        }
    }

    /** A number as the firmware's json_scanf reads it: a JSON number (floats truncated) or a numeric string. */
    public static OptionalInt number(JsonNode n) {
        if (n == null || n.isNull()) return OptionalInt.empty();
        if (n.isNumber()) return OptionalInt.of((int) n.asLong());
        if (n.isBoolean()) return OptionalInt.of(n.booleanValue() ? 1 : 0);
        if (!n.isTextual()) return OptionalInt.empty();
        String s = n.textValue().trim().toLowerCase(Locale.ROOT);
        try {
            boolean neg = s.startsWith("-");
            if (neg || s.startsWith("+")) s = s.substring(1);
            long v;
            if (s.startsWith("0x")) v = Long.parseLong(s.substring(2), 16);
            else if (s.contains(".") || s.contains("e")) v = (long) Double.parseDouble(s);
            else v = Long.parseLong(s);
            return OptionalInt.of((int) (neg ? -v : v));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Hex as the firmware's %H reads it: either case, a last odd digit dropped; null if not hex. */
    public static Bytes firmwareHex(String s) {
        String h = s.length() % 2 == 1 ? s.substring(0, s.length() - 1) : s;
        for (int i = 0; i < h.length(); i++) {
            if (Character.digit(h.charAt(i), 16) < 0) return null;
        }
        return Bytes.ofHex(h.toLowerCase(Locale.ROOT));
    }

    private static Verdict configSet(String method, JsonNode p) {
        List<Action> a = new ArrayList<>();
        JsonNode config = p.get("config");
        if (config != null && config.isObject()) flatten("", config, a);
        if (config == null || !config.isObject() || a.isEmpty()) a.add(Action.reversible(Kind.CONFIG_SET, "*"));
        // Config.Set saves by default (save defaults to true) and may reboot.
        JsonNode save = p.get("save");
        if (save == null || truthy(save)) a.add(Action.reversible(Kind.CONFIG_SAVE, ""));
        if (truthy(p.get("reboot"))) a.add(Action.reversible(Kind.REBOOT, ""));
        return new Verdict(a, method + " " + a.stream().filter(x -> x.kind() == Kind.CONFIG_SET).map(Action::target).toList());
    }

    private static void flatten(String prefix, JsonNode node, List<Action> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && e.getValue().size() > 0) flatten(key, e.getValue(), out);
            else out.add(Action.reversible(Kind.CONFIG_SET, key));
        }
    }

    private static Verdict one(Kind kind, String target, boolean irreversible, String what) {
        return new Verdict(List.of(irreversible ? Action.irreversible(kind, target) : Action.reversible(kind, target)), what);
    }

    private static boolean readOnly(String normalisedMethod) {
        return normalisedMethod.startsWith("rpc.") || READ_ONLY.contains(normalisedMethod);
    }

    private static String norm(String method) { return method == null ? "" : method.trim().toLowerCase(Locale.ROOT); }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? "" : n.isTextual() ? n.textValue() : n.toString();
    }

    private static boolean truthy(JsonNode n) {
        if (n == null || n.isNull()) return false;
        if (n.isBoolean()) return n.booleanValue();
        OptionalInt v = number(n);
        return v.isPresent() ? v.getAsInt() != 0 : n.isTextual() && n.textValue().equalsIgnoreCase("true");
    }

    private static String slot(OptionalInt slot) { return slot.isPresent() ? "slot " + slot.getAsInt() : "slot ?"; }

    private static String address(OptionalInt addr) { return addr.isPresent() ? String.format("0x%02x", addr.getAsInt() & 0xff) : "address ?"; }
}
