package dev.sesh.atca.config;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link MosStruct} tree as Go's {@code json.MarshalIndent(v, "", "  ")} prints mos's
 * struct: Go field names, {@code "Key": value}, the serial number as base64 (reference/atecc.md 5.5).
 */
final class GoJsonWriter {
    private static final Map<String, String> GO_NAMES = Map.ofEntries(
            Map.entry("serialnum", "SerialNum"), Map.entry("revision", "Revision"), Map.entry("reserved13", "Reserved13"),
            Map.entry("i2cenable", "I2CEnable"), Map.entry("reserved15", "Reserved15"), Map.entry("i2caddress", "I2CAddress"),
            Map.entry("reserved17", "Reserved17"), Map.entry("otpmode", "OTPMode"), Map.entry("chipmode", "ChipMode"),
            Map.entry("selectorwriteonce", "SelectorWriteOnce"), Map.entry("ttlenable", "TTLEnable"),
            Map.entry("watchdogduration", "WatchDogDuration"), Map.entry("slotinfo", "SlotInfo"), Map.entry("num", "Num"),
            Map.entry("slotconfig", "SlotConfig"), Map.entry("privatekeyslotconfig", "PrivateKeySlotConfig"),
            Map.entry("extsignenable", "ExtSignEnable"), Map.entry("intsignenable", "IntSignEnable"),
            Map.entry("ecdhenable", "ECDHEnable"), Map.entry("ecdhtonextslot", "ECDHToNextSlot"), Map.entry("readkey", "ReadKey"),
            Map.entry("nomac", "NoMAC"), Map.entry("limiteduse", "LimitedUse"), Map.entry("encryptread", "EncryptRead"),
            Map.entry("issecret", "IsSecret"), Map.entry("writekey", "WriteKey"), Map.entry("writeconfig", "WriteConfig"),
            Map.entry("keyconfig", "KeyConfig"), Map.entry("private", "Private"), Map.entry("pubinfo", "PubInfo"),
            Map.entry("keytype", "KeyType"), Map.entry("lockable", "Lockable"), Map.entry("reqrandom", "ReqRandom"),
            Map.entry("reqauth", "ReqAuth"), Map.entry("authkey", "AuthKey"), Map.entry("intrusiondisable", "IntrusionDisable"),
            Map.entry("x509id", "X509ID"), Map.entry("counter0", "Counter0"), Map.entry("counter1", "Counter1"),
            Map.entry("lastkeyuse0", "LastKeyUse0"), Map.entry("lastkeyuse1", "LastKeyUse1"), Map.entry("userextra", "UserExtra"),
            Map.entry("selector", "Selector"), Map.entry("lockvalue", "LockValue"), Map.entry("lockconfig", "LockConfig"),
            Map.entry("slotlocked", "SlotLocked"), Map.entry("reserved90", "Reserved90"), Map.entry("reserved91", "Reserved91"),
            Map.entry("x509format", "X509Format"), Map.entry("publicposition", "PublicPosition"),
            Map.entry("templatelength", "TemplateLength"));

    private GoJsonWriter() {}

    static String write(Map<String, Object> tree) {
        StringBuilder sb = new StringBuilder(16384);
        value(sb, tree, "");
        return sb.append('\n').toString();
    }

    private static void value(StringBuilder sb, Object v, String indent) {
        String in = indent + "  ";
        if (v instanceof Map<?, ?> m) {
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = GO_NAMES.get((String) e.getKey());
                if (key == null) throw new IllegalStateException("no Go name for " + e.getKey());
                sb.append(in).append('"').append(key).append("\": ");
                value(sb, e.getValue(), in);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) { sb.append("[]"); return; }
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                sb.append(in);
                value(sb, list.get(i), in);
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            sb.append(indent).append(']');
        } else if (v instanceof MosStruct.Serial s) {
            sb.append('"').append(Base64.getEncoder().encodeToString(s.bytes().toArray())).append('"');
        } else if (v instanceof String s) {
            sb.append('"').append(s).append('"');
        } else {
            sb.append(v);
        }
    }
}
