package dev.sesh.atca.config;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte mapping of mos's {@code atca.Config} struct (reference/atecc.md 5.4), shared by the YAML
 * and JSON codecs. Decoding: missing keys mean 0/false, except where mos itself refuses (a slot
 * without {@code readkey} / {@code privatekeyslotconfig}, a {@code slotinfo} that is not 16 entries,
 * an {@code x509format} that is not 4). Encoding gives an ordered tree of lower-case keys in the
 * struct's field order; values are Boolean, BigInteger, String, {@link Serial}, List or Map.
 */
final class MosStruct {
    /** The 9 serial-number bytes: YAML prints a list of ints, JSON a base64 string (Go []byte). */
    record Serial(Bytes bytes) {}

    private MosStruct() {}

    static ConfigZone decode(MosNode root, String source, boolean json) {
        MosFields top = new MosFields(root, source, "", json);
        byte[] z = new byte[ConfigZone.SIZE];
        serial(top, z);
        long rev = top.uint("revision", 32).longValue();
        for (int i = 0; i < 4; i++) z[4 + i] = (byte) (rev >> (24 - 8 * i));
        z[13] = (byte) top.u("reserved13", 8);
        z[14] = (byte) (top.bool("i2cenable") ? 1 : 0);
        z[15] = (byte) top.u("reserved15", 8);
        z[16] = (byte) top.u("i2caddress", 8);
        z[17] = (byte) top.u("reserved17", 8);
        z[18] = (byte) top.u("otpmode", 8);
        z[19] = (byte) chipMode(top.map("chipmode"));
        List<MosNode> slots = top.list("slotinfo", 16);
        for (int n = 0; n < 16; n++) {
            int[] sk = slot(new MosFields(slots.get(n), source, "slotinfo[" + n + "]", top.json()), n);
            z[20 + 2 * n] = (byte) sk[0];
            z[21 + 2 * n] = (byte) (sk[0] >> 8);
            z[96 + 2 * n] = (byte) sk[1];
            z[97 + 2 * n] = (byte) (sk[1] >> 8);
        }
        be64(z, 52, top.uint("counter0", 64));
        be64(z, 60, top.uint("counter1", 64));
        be64(z, 68, top.uint("lastkeyuse0", 64));
        be64(z, 76, top.uint("lastkeyuse1", 64));
        z[84] = (byte) top.u("userextra", 8);
        z[85] = (byte) top.u("selector", 8);
        z[86] = (byte) lockMode(top, "lockvalue");
        z[87] = (byte) lockMode(top, "lockconfig");
        int slotLocked = top.u("slotlocked", 16);
        z[88] = (byte) slotLocked;
        z[89] = (byte) (slotLocked >> 8);
        z[90] = (byte) top.u("reserved90", 8);
        z[91] = (byte) top.u("reserved91", 8);
        List<MosNode> x509 = top.list("x509format", 4);
        for (int i = 0; i < 4; i++) {
            MosFields f = new MosFields(x509.get(i), source, "x509format[" + i + "]", top.json());
            z[92 + i] = (byte) new X509Format(f.u("publicposition", 4), f.u("templatelength", 4)).raw();
            f.done();
        }
        top.done();
        return ConfigZone.of(Bytes.of(z));
    }

    private static void serial(MosFields top, byte[] z) {
        MosNode n = top.get("serialnum");
        if (n == null) return;
        byte[] sn;
        if (top.json() && n.kind() == MosNode.Kind.SCALAR) {
            try {
                sn = Base64.getDecoder().decode(n.text());
            } catch (IllegalArgumentException e) {
                throw top.error(n.where(), "serialnum: not base64");
            }
        } else {
            if (n.kind() != MosNode.Kind.LIST) throw top.error(n.where(), "serialnum must be a list of 9 numbers");
            sn = new byte[n.items().size()];
            for (int i = 0; i < sn.length; i++) sn[i] = (byte) top.parseUint(n.items().get(i), "serialnum[" + i + "]", 8).intValue();
        }
        if (sn.length != 9) throw top.error(n.where(), "serialnum must have 9 bytes, got " + sn.length);
        System.arraycopy(sn, 0, z, 0, 4);
        System.arraycopy(sn, 4, z, 8, 5);
    }

    private static int chipMode(MosFields f) {
        if (f == null) return 0;
        int v = (f.bool("selectorwriteonce") ? 1 : 0) | (f.bool("ttlenable") ? 2 : 0);
        String wd = f.string("watchdogduration");
        switch (wd) {
            case "", "1s" -> { }
            case "10s" -> v |= 4;
            default -> throw f.error(f.where("watchdogduration"), "unknown watchdog duration '" + wd + "' (1s or 10s)");
        }
        f.done();
        return v;
    }

    /** {SlotConfig, KeyConfig} of one slotinfo entry. */
    private static int[] slot(MosFields f, int n) {
        MosNode num = f.get("num");
        if (num != null && f.parseUint(num, "num", 8).intValue() != n) {
            throw f.error(num.where(), "slotinfo entry " + n + " says num: " + num.text() + "; entries must be in slot order 0-15");
        }
        MosFields kc = f.map("keyconfig");
        boolean isPrivate = kc != null && kc.bool("private");
        MosFields sc = f.map("slotconfig");
        if (sc == null) throw f.error(f.where("slotconfig"), "slot " + n + ": slotconfig is missing");
        int low;
        if (isPrivate) {
            MosFields p = sc.map("privatekeyslotconfig");
            if (p == null) throw sc.error(sc.where("privatekeyslotconfig"), "slot " + n + " is private (keyconfig.private) but has no privatekeyslotconfig");
            if (sc.has("readkey")) throw sc.error(sc.where("readkey"), "slot " + n + " is private: readkey does not apply, its bits are privatekeyslotconfig");
            sc.get("readkey");
            low = (p.bool("extsignenable") ? 1 : 0) | (p.bool("intsignenable") ? 2 : 0) | (p.bool("ecdhenable") ? 4 : 0) | (p.bool("ecdhtonextslot") ? 8 : 0);
            p.done();
        } else {
            if (sc.has("privatekeyslotconfig")) throw sc.error(sc.where("privatekeyslotconfig"), "slot " + n + " is not private: use readkey, not privatekeyslotconfig");
            sc.get("privatekeyslotconfig");
            if (!sc.has("readkey")) throw sc.error(sc.where("readkey"), "slot " + n + ": no readkey (mos needs it for a slot that is not private)");
            low = sc.u("readkey", 4);
        }
        SlotConfig slotConfig = new SlotConfig(low, sc.bool("nomac"), sc.bool("limiteduse"), sc.bool("encryptread"), sc.bool("issecret"),
                sc.u("writekey", 4), sc.u("writeconfig", 4));
        sc.done();
        KeyConfig keyConfig = kc == null ? KeyConfig.of(0) : keyConfig(kc, n);
        f.done();
        return new int[] {slotConfig.raw(), keyConfig.raw()};
    }

    private static KeyConfig keyConfig(MosFields kc, int n) {
        KeyConfig k = new KeyConfig(kc.bool("private"), kc.bool("pubinfo"), keyType(kc, n), kc.bool("lockable"), kc.bool("reqrandom"),
                kc.bool("reqauth"), kc.u("authkey", 4), kc.bool("intrusiondisable"), false, kc.u("x509id", 2));
        kc.done();
        return k;
    }

    private static KeyType keyType(MosFields kc, int n) {
        MosNode t = kc.get("keytype");
        if (t == null) return KeyType.of(0);
        String s = kc.scalar(t, "keytype");
        return switch (s) {
            case "ECC" -> KeyType.P256;
            case "AES" -> KeyType.AES;
            case "Other", "NonECC" -> KeyType.OTHER;
            default -> {
                if (!s.isEmpty() && Character.isDigit(s.charAt(0))) yield KeyType.of(kc.parseUint(t, "keytype", 3).intValue());
                throw kc.error(t.where(), "slot " + n + ": unknown key type '" + s + "' (ECC, AES, Other or NonECC)");
            }
        };
    }

    private static int lockMode(MosFields top, String key) {
        MosNode n = top.get(key);
        if (n == null) return LockState.LOCKED;
        String s = top.scalar(n, key);
        if (s.equals("Locked")) return LockState.LOCKED;
        if (s.equals("Unlocked")) return LockState.UNLOCKED;
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) return top.parseUint(n, key, 8).intValue();
        throw top.error(n.where(), "unknown lock mode '" + s + "' (Locked or Unlocked)");
    }

    private static void be64(byte[] z, int off, BigInteger v) {
        long x = v.longValue();
        for (int i = 0; i < 8; i++) z[off + i] = (byte) (x >>> (56 - 8 * i));
    }

    // ---- encoding ----

    static Map<String, Object> encode(ConfigZone z) {
        expressible(z);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serialnum", new Serial(z.serialNumber()));
        m.put("revision", BigInteger.valueOf(z.revision()));
        m.put("reserved13", num(z.get(13)));
        m.put("i2cenable", z.i2cEnable());
        m.put("reserved15", num(z.get(15)));
        m.put("i2caddress", num(z.get(16)));
        m.put("reserved17", num(z.get(17)));
        m.put("otpmode", num(z.get(18)));
        Map<String, Object> cm = new LinkedHashMap<>();
        ChipMode mode = z.chipMode();
        cm.put("selectorwriteonce", mode.bit0());
        cm.put("ttlenable", mode.ttlEnable());
        cm.put("watchdogduration", mode.longWatchdog() ? "10s" : "1s");
        m.put("chipmode", cm);
        List<Object> slots = new ArrayList<>();
        for (int n = 0; n < 16; n++) slots.add(slotInfo(z, n));
        m.put("slotinfo", slots);
        m.put("counter0", be64(z, 52));
        m.put("counter1", be64(z, 60));
        m.put("lastkeyuse0", be64(z, 68));
        m.put("lastkeyuse1", be64(z, 76));
        m.put("userextra", num(z.userExtra()));
        m.put("selector", num(z.selector()));
        m.put("lockvalue", lockWord(z.lockValue()));
        m.put("lockconfig", lockWord(z.lockConfig()));
        m.put("slotlocked", num(z.slotLocked()));
        m.put("reserved90", num(z.get(90)));
        m.put("reserved91", num(z.get(91)));
        List<Object> x509 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("publicposition", num(z.x509Format(i).publicPosition()));
            f.put("templatelength", num(z.x509Format(i).templateLength()));
            x509.add(f);
        }
        m.put("x509format", x509);
        return m;
    }

    private static Map<String, Object> slotInfo(ConfigZone z, int n) {
        SlotConfig s = z.slotConfig(n);
        KeyConfig k = z.keyConfig(n);
        Map<String, Object> sc = new LinkedHashMap<>();
        if (k.isPrivate()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("extsignenable", s.extSignEnable());
            p.put("intsignenable", s.intSignEnable());
            p.put("ecdhenable", s.ecdhEnable());
            p.put("ecdhtonextslot", s.ecdhToNextSlot());
            sc.put("privatekeyslotconfig", p);
        } else {
            sc.put("readkey", num(s.readKey()));
        }
        sc.put("nomac", s.noMac());
        sc.put("limiteduse", s.limitedUse());
        sc.put("encryptread", s.encryptRead());
        sc.put("issecret", s.isSecret());
        sc.put("writekey", num(s.writeKey()));
        sc.put("writeconfig", num(s.writeConfig()));
        Map<String, Object> kc = new LinkedHashMap<>();
        kc.put("private", k.isPrivate());
        kc.put("pubinfo", k.pubInfo());
        // Reserved key types have no mos spelling; sesh prints (and reads) their number.
        kc.put("keytype", k.keyType().mosName() != null ? k.keyType().mosName() : num(k.keyType().code()));
        kc.put("lockable", k.lockable());
        kc.put("reqrandom", k.reqRandom());
        kc.put("reqauth", k.reqAuth());
        kc.put("authkey", num(k.authKey()));
        kc.put("intrusiondisable", k.intrusionDisable());
        kc.put("x509id", num(k.x509id()));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("num", num(n));
        info.put("slotconfig", sc);
        info.put("keyconfig", kc);
        return info;
    }

    /** Refuses zones whose bits mos's struct cannot hold, rather than writing a file that loses them. */
    private static void expressible(ConfigZone z) {
        String lost = null;
        if ((z.get(14) & 0xFE) != 0) lost = String.format("byte 14 (I2C_Enable) is 0x%02x; only bit 0 has a key", z.get(14));
        else if (z.chipMode().clockDivider() != 0) lost = String.format("ChipMode clock-divider bits are 0x%02x", z.chipMode().clockDivider());
        else if (!lockExpressible(z.lockValue()) || !lockExpressible(z.lockConfig())) {
            lost = String.format("lock bytes 86-87 are %02x %02x (only 00 or 55 have names)", z.lockValue(), z.lockConfig());
        } else {
            for (int n = 0; n < 16 && lost == null; n++) {
                if (z.keyConfig(n).rfu13()) lost = "slot " + n + " KeyConfig bit 13 (RFU) is set";
            }
        }
        if (lost != null) throw SeshException.badArg("this config cannot be written as mos YAML/JSON: " + lost, "use --format hex, which keeps every byte");
    }

    private static boolean lockExpressible(int v) { return v == LockState.LOCKED || v == LockState.UNLOCKED; }

    private static String lockWord(int v) { return v == LockState.LOCKED ? "Locked" : "Unlocked"; }

    private static BigInteger num(int v) { return BigInteger.valueOf(v); }

    private static BigInteger be64(ConfigZone z, int off) { return new BigInteger(1, z.bytes().slice(off, off + 8).toArray()); }
}
