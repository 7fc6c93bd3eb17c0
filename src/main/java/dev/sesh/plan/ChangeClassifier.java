package dev.sesh.plan;

import dev.sesh.bytes.Bytes;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides whether an operation changes a board, for every way in (design.md
 * 5.9): RPC method names ({@code call}), I2C writes to the chip's address ({@code i2c write}, the
 * ATECC command packet inside is decoded per reference/atecc.md 1.4-1.5) and raw chip opcodes
 * ({@code atca raw}). Anything it does not know is a reversible change, never read-only.
 */
public final class ChangeClassifier {
    /** The ATECC's factory I2C address (7-bit); Mongoose's {@code sys.atca.i2c_addr} default. */
    public static final int DEFAULT_CHIP_ADDRESS = 0x60;

    private static final Set<String> READ_ONLY_METHODS = Set.of(
            "sys.getinfo", "config.get", "fs.get", "fs.list", "fs.listext",
            "i2c.scan", "i2c.read", "i2c.readregb", "i2c.readregw",
            "atca.getconfig", "atca.getpubkey", "atca.sign", "atca.aes");

    private ChangeClassifier() {}

    /**
     * Classifies an RPC by method name alone (case-insensitive). Read-only: Sys.GetInfo, RPC.*,
     * Config.Get, FS.Get/List/ListExt, I2C.Scan/Read/ReadRegB/ReadRegW, ATCA.GetConfig/GetPubKey/
     * Sign/AES. Irreversible: ATCA.LockZone, ATCA.GenKey (replaces the slot's key), FS.Mkfs (erases
     * every file). Everything else, including unknown methods, is a reversible change.
     */
    public static Classification rpcMethod(String method) {
        String m = method.trim().toLowerCase(Locale.ROOT);
        if (m.startsWith("rpc.") || READ_ONLY_METHODS.contains(m)) return Classification.readOnly(method);
        switch (m) {
            case "atca.lockzone": return Classification.irreversible(method + ": locks a chip zone");
            case "atca.genkey": return Classification.irreversible(method + ": creates a new private key (may destroy a key)");
            case "fs.mkfs": return Classification.irreversible(method + ": erases every file on the filesystem");
            case "sys.reboot": return Classification.reversible(method + ": reboots the board");
            default: return Classification.reversible(method);
        }
    }

    /**
     * Classifies an RPC with its parsed JSON params (numbers as {@link Number}, strings as
     * {@link String}, booleans as {@link Boolean}). Refines {@link #rpcMethod}: ATCA.LockZone names
     * the zone; ATCA.SetKey with {@code ecc: true} is a PrivWrite (irreversible); I2C.Write,
     * I2C.WriteRegB and I2C.WriteRegW to {@code chipAddress} are decoded as chip packets.
     */
    public static Classification rpcCall(String method, Map<String, ?> params, int chipAddress) {
        String m = method.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "atca.lockzone": {
                Object zone = params.get("zone");
                String what = zone instanceof Number n && n.intValue() == 0 ? "config zone"
                        : zone instanceof Number n1 && n1.intValue() == 1 ? "data zone" : "zone " + zone;
                return Classification.irreversible(method + ": locks the " + what + ", without CRC check");
            }
            case "atca.setkey":
                return Boolean.TRUE.equals(params.get("ecc"))
                        ? Classification.irreversible(method + ": PrivWrite into slot " + params.get("slot") + " (may destroy a key)")
                        : Classification.reversible(method + ": writes slot " + params.get("slot"));
            case "i2c.write": {
                Object addr = params.get("addr");
                Object hex = params.get("data_hex");
                if (addr instanceof Number a && hex instanceof String h) {
                    try {
                        return i2cWrite(a.intValue(), Bytes.ofHex(h), chipAddress);
                    } catch (IllegalArgumentException badHex) {
                        return Classification.reversible(method + " with data_hex that is not hex");
                    }
                }
                return rpcMethod(method);
            }
            case "i2c.writeregb":
            case "i2c.writeregw": {
                Object addr = params.get("addr");
                Object reg = params.get("reg");
                Object value = params.get("value");
                if (addr instanceof Number a && reg instanceof Number r && value instanceof Number v) {
                    Bytes data = m.endsWith("b")
                            ? Bytes.ofInts(r.intValue(), v.intValue())
                            : Bytes.ofInts(r.intValue(), v.intValue() >> 8, v.intValue());
                    return i2cWrite(a.intValue(), data, chipAddress);
                }
                return rpcMethod(method);
            }
            default:
                return rpcMethod(method);
        }
    }

    /**
     * Classifies an I2C write of {@code data} to 7-bit address {@code address}. Writes to other
     * addresses are reversible changes. Writes to {@code chipAddress} are decoded: word address
     * 0x00 reset, 0x01 sleep, 0x02 idle (and an empty write) are not changes; 0x03 starts a command
     * group {@code count opcode param1 param2(LE) data.. crc} classified by {@link #chipCommand};
     * a command group too short to hold its header is irreversible, because its opcode is unknown.
     */
    public static Classification i2cWrite(int address, Bytes data, int chipAddress) {
        String to = String.format("I2C write of %d bytes to 0x%02x", data.length(), address);
        if (address != chipAddress) return Classification.reversible(to);
        if (data.length() == 0) return Classification.readOnly(to + " (empty)");
        switch (data.get(0)) {
            case 0x00: return Classification.readOnly(to + " (reset I/O address)");
            case 0x01: return Classification.readOnly(to + " (sleep)");
            case 0x02: return Classification.readOnly(to + " (idle)");
            case 0x03: {
                if (data.length() < 6) {
                    return Classification.irreversible(to + ": an incomplete chip command whose opcode or mode is missing");
                }
                Classification c = chipCommand(data.get(2), data.get(3), data.get(4) | data.get(5) << 8);
                return new Classification(c.effect(), to + ": " + c.what());
            }
            default: return Classification.reversible(to + String.format(" (reserved word address 0x%02x)", data.get(0)));
        }
    }

    /**
     * Classifies a chip command by opcode, param1 and param2 (param2 as a number, not wire bytes)
     * per reference/atecc.md 3, 6 and 8. Irreversible: Lock, UpdateExtra, Counter increment,
     * GenKey create (mode bit 0x04) into a slot, PrivWrite, DeriveKey, KDF into a slot. Reversible:
     * Write, Verify validate/invalidate, ECDH, SecureBoot full-store, Info GPIO/VolatileKeyPermit
     * set, unknown opcodes. All others read or touch only volatile state.
     */
    public static Classification chipCommand(int opcode, int param1, int param2) {
        return ChipCommandClassifier.classify(opcode, param1, param2);
    }

    /** The data-sheet name of an opcode ({@code "Lock"}), or {@code "0x99"} if unknown. */
    public static String opcodeName(int opcode) { return ChipCommandClassifier.name(opcode); }
}
