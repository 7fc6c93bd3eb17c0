package dev.sesh.atca.config;

import dev.sesh.atca.config.ConfigField.Access;
import dev.sesh.atca.packet.Variant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Every field of the config zone in zone order, named for a variant (reference/atecc.md 4.1: 608
 * names such as CountMatch, UserExtraAdd, PersistentDisable on a 608). Together the fields cover
 * all 128 bytes, so two zones differ exactly when some field's value differs. Wider fields whose
 * parts have no names of their own (serial, LastKeyUse on the 508A) are shown as hex.
 */
public final class ConfigFields {
    private ConfigFields() {}

    /**
     * The fields of a zone of {@code variant}; bits 0-3 of each SlotConfig are named ReadKey or the
     * four private-key flags according to KeyConfig.Private in {@code naming}.
     */
    public static List<ConfigField> of(Variant variant, ConfigZone naming) {
        boolean is608 = variant.is608();
        List<ConfigField> f = new ArrayList<>();
        f.add(hex("config", "SerialNumber", 0, Access.READ_ONLY, z -> z.serialNumber().hex()));
        f.add(hex("config", "RevNum", 4, Access.READ_ONLY, z -> z.bytes().slice(4, 8).hex()));
        f.add(byteField(is608 ? "AES_Enable" : "Reserved13", 13, Access.READ_ONLY));
        f.add(byteField("I2C_Enable", 14, Access.READ_ONLY));
        f.add(byteField("Reserved15", 15, Access.READ_ONLY));
        f.add(field("config", "I2C_Address", 16, Access.WRITE, z -> z.get(16),
                v -> String.format("0x%02X (bus 0x%02X)", v, v >> 1)));
        f.add(byteField("Reserved17", 17, Access.WRITE));
        f.add(is608 ? byteField("CountMatch", 18, Access.WRITE)
                : field("config", "OTPmode", 18, Access.WRITE, z -> z.get(18), ConfigFields::otpMode));
        f.add(bit("config", is608 ? "ChipMode.UserExtraAddIsAddress" : "ChipMode.SelectorMode", 19, 0));
        f.add(bit("config", "ChipMode.TTLenable", 19, 1));
        f.add(field("config", "ChipMode.Watchdog", 19, Access.WRITE, z -> z.get(19) >> 2 & 1, v -> v == 0 ? "1.3 s" : "13 s"));
        f.add(field("config", is608 ? "ChipMode.ClockDivider" : "ChipMode.Reserved", 19, Access.WRITE,
                z -> z.get(19) & 0xF8, v -> String.format("0x%02X", v)));
        for (int n = 0; n < 16; n++) slotConfig(f, n, naming.keyConfig(n).isPrivate());
        for (int c = 0; c < 2; c++) {
            int off = ConfigZone.COUNTER + 8 * c, cn = c;
            f.add(hex("config", "Counter[" + c + "]", off, Access.WRITE,
                    z -> z.counter(cn).isPresent() ? String.valueOf(z.counter(cn).getAsInt()) : z.counterBytes(cn).hex()));
        }
        if (is608) {
            f.add(byteField("UseLock", 68, Access.WRITE));
            f.add(byteField("VolatileKeyPermission", 69, Access.WRITE));
            f.add(field("config", "SecureBoot", 70, Access.WRITE, ConfigZone::secureBoot, v -> String.format("0x%04X", v)));
            f.add(byteField("KdfIvLoc", 72, Access.WRITE));
            f.add(field("config", "KdfIvStr", 73, Access.WRITE, z -> z.get(73) | z.get(74) << 8, v -> String.format("0x%04X", v)));
            f.add(hex("config", "Reserved75", 75, Access.WRITE, z -> z.bytes().slice(75, 84).hex()));
        } else {
            f.add(hex("config", "LastKeyUse", 68, Access.WRITE, z -> z.lastKeyUse().hex()));
        }
        f.add(byteField("UserExtra", 84, Access.UPDATE_EXTRA));
        f.add(byteField(is608 ? "UserExtraAdd" : "Selector", 85, Access.UPDATE_EXTRA));
        f.add(field("config", "LockValue", 86, Access.READ_ONLY, ConfigZone::lockValue, ConfigFields::lockWord));
        f.add(field("config", "LockConfig", 87, Access.READ_ONLY, ConfigZone::lockConfig, ConfigFields::lockWord));
        for (int n = 0; n < 16; n++) {
            int s = n;
            f.add(field("slot " + n, "SlotLocked", 88 + n / 8, Access.WRITE, z -> z.slotLocked() >> s & 1,
                    v -> v == 0 ? "locked" : "unlocked"));
        }
        f.add(field("config", is608 ? "ChipOptions" : "RFU90", 90, Access.WRITE, ConfigZone::chipOptions, v -> String.format("0x%04X", v)));
        for (int i = 0; i < 4; i++) {
            int k = i;
            f.add(field("config", "X509format[" + i + "].PublicPosition", 92 + i, Access.WRITE, z -> z.x509Format(k).publicPosition(), String::valueOf));
            f.add(field("config", "X509format[" + i + "].TemplateLength", 92 + i, Access.WRITE, z -> z.x509Format(k).templateLength(), String::valueOf));
        }
        for (int n = 0; n < 16; n++) keyConfig(f, n, variant);
        return List.copyOf(f);
    }

    private static void slotConfig(List<ConfigField> f, int n, boolean isPrivate) {
        String where = "slot " + n;
        int off = ConfigZone.SLOT_CONFIG + 2 * n;
        ToIntFunction<ConfigZone> raw = z -> z.slotConfig(n).raw();
        if (isPrivate) {
            String[] names = {"ExtSignEnable", "IntSignEnable", "ECDHEnable", "ECDHToNextSlot"};
            for (int b = 0; b < 4; b++) f.add(slotBit(where, names[b], off, raw, b));
        } else {
            f.add(field(where, "ReadKey", off, Access.WRITE, z -> z.slotConfig(n).readKey(), String::valueOf));
        }
        f.add(slotBit(where, "NoMac", off, raw, 4));
        f.add(slotBit(where, "LimitedUse", off, raw, 5));
        f.add(slotBit(where, "EncryptRead", off, raw, 6));
        f.add(slotBit(where, "IsSecret", off, raw, 7));
        f.add(field(where, "WriteKey", off + 1, Access.WRITE, z -> z.slotConfig(n).writeKey(), String::valueOf));
        f.add(field(where, "WriteConfig", off + 1, Access.WRITE, z -> z.slotConfig(n).writeConfig(), WritePolicy::describe));
    }

    private static void keyConfig(List<ConfigField> f, int n, Variant variant) {
        String where = "slot " + n;
        int off = ConfigZone.KEY_CONFIG + 2 * n;
        ToIntFunction<ConfigZone> raw = z -> z.keyConfig(n).raw();
        f.add(slotBit(where, "Private", off, raw, 0));
        f.add(slotBit(where, "PubInfo", off, raw, 1));
        f.add(field(where, "KeyType", off, Access.WRITE, z -> z.keyConfig(n).keyType().code(), v -> KeyType.of(v).words()));
        f.add(slotBit(where, "Lockable", off, raw, 5));
        f.add(slotBit(where, "ReqRandom", off, raw, 6));
        f.add(slotBit(where, "ReqAuth", off, raw, 7));
        f.add(field(where, "AuthKey", off + 1, Access.WRITE, z -> z.keyConfig(n).authKey(), String::valueOf));
        f.add(slotBit(where, KeyConfig.bit12Name(variant), off + 1, raw, 12));
        f.add(slotBit(where, "RFU13", off + 1, raw, 13));
        f.add(field(where, "X509id", off + 1, Access.WRITE, z -> z.keyConfig(n).x509id(), String::valueOf));
    }

    private static ConfigField field(String where, String name, int off, Access access, ToIntFunction<ConfigZone> raw, IntFunction<String> words) {
        return new ConfigField(where, name, off, access, z -> words.apply(raw.applyAsInt(z)));
    }

    private static ConfigField slotBit(String where, String name, int off, ToIntFunction<ConfigZone> raw, int bit) {
        return field(where, name, off + bit / 8, Access.WRITE, z -> raw.applyAsInt(z) >> bit & 1, ConfigFields::yesNo);
    }

    private static ConfigField bit(String where, String name, int off, int bit) {
        return field(where, name, off, Access.WRITE, z -> z.get(off) >> bit & 1, ConfigFields::yesNo);
    }

    private static ConfigField byteField(String name, int off, Access access) {
        return field("config", name, off, access, z -> z.get(off), v -> String.format("0x%02X", v));
    }

    /** A field shown as text only (too wide for an int); the texts are hex or exact counts. */
    private static ConfigField hex(String where, String name, int off, Access access, Function<ConfigZone, String> text) {
        return new ConfigField(where, name, off, access, text);
    }

    static String yesNo(int v) { return v != 0 ? "yes" : "no"; }

    private static String otpMode(int v) {
        return switch (v) {
            case 0xAA -> "0xAA (read-only)";
            case 0x55 -> "0x55 (consumption)";
            default -> String.format("0x%02X (reserved)", v);
        };
    }

    private static String lockWord(int v) {
        return switch (v) {
            case LockState.LOCKED -> "Locked";
            case LockState.UNLOCKED -> "Unlocked";
            default -> String.format("0x%02X (invalid)", v);
        };
    }
}
