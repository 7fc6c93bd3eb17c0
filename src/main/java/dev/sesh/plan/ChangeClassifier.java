package dev.sesh.plan;

import dev.sesh.bytes.Bytes;

import java.util.Map;

/**
 * The one place that decides whether an operation changes a board, for every way in (design.md
 * 5.9): RPC method names ({@code call}), I2C writes to the chip's address ({@code i2c write}, the
 * ATECC command packet inside is decoded per reference/atecc.md 1.4-1.5) and raw chip opcodes
 * ({@code atca raw}). Anything it does not know is a reversible change, never read-only.
 */
public final class ChangeClassifier {
    /** The ATECC's factory I2C address (7-bit); Mongoose's {@code sys.atca.i2c_addr} default. */
    public static final int DEFAULT_CHIP_ADDRESS = 0x60;


    private ChangeClassifier() {}

    /**
     * Classifies an RPC by its method name alone: what the method can do. That is what one frame
     * without params does ({@link FrameClassifier}), except that the I2C writes, which write nothing
     * without params, are changes.
     */
    public static Classification rpcMethod(String method) {
        Classification c = FrameClassifier.classify(method, (String) null).classification();
        String m = method.trim().toLowerCase(java.util.Locale.ROOT);
        boolean i2cWrite = m.equals("i2c.write") || m.equals("i2c.writeregb") || m.equals("i2c.writeregw");
        return i2cWrite && !c.isChange() ? new Classification(Effect.REVERSIBLE, method + ": writes to an I2C device") : c;
    }

    /**
     * Classifies an RPC with its params (numbers, strings, booleans) exactly as the link guard
     * will ({@link FrameClassifier}); {@code chipAddress} is kept for callers and no longer
     * matters: a chip command group is decoded at any address.
     */
    public static Classification rpcCall(String method, Map<String, ?> params, int chipAddress) {
        return FrameClassifier.classify(method, FrameClassifier.JSON.<com.fasterxml.jackson.databind.JsonNode>valueToTree(params)).classification();
    }

    /** Classifies an I2C write of {@code data} to 7-bit {@code address} as the link guard will. */
    public static Classification i2cWrite(int address, Bytes data, int chipAddress) {
        return FrameClassifier.i2cWrite(java.util.OptionalInt.of(address), data).classification();
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
