package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * KDF (0x56, 608 only): mode = source (bits 1-0: TempKey, upper TempKey, slot, alternate key buffer)
 * | target (bits 4-2: 0x00 TempKey, 0x04 upper TempKey, 0x08 slot, 0x0C alternate key buffer, 0x10
 * output, 0x14 encrypted output) | algorithm (bits 6-5: 0x00 PRF, 0x20 AES, 0x40 HKDF); param2 =
 * source slot (low byte) and target slot (high byte); data = 4 bytes of details (little-endian, the
 * message length in the last byte for PRF and HKDF) + the message (AES: 16 bytes).
 */
public record Kdf(int mode, int keyId, Bytes details, Bytes message) implements ChipCommand {
    public static final int SOURCE_TEMPKEY = 0, SOURCE_TEMPKEY_UP = 1, SOURCE_SLOT = 2, SOURCE_ALTKEYBUF = 3;
    public static final int TARGET_TEMPKEY = 0x00, TARGET_TEMPKEY_UP = 0x04, TARGET_SLOT = 0x08, TARGET_ALTKEYBUF = 0x0C,
            TARGET_OUTPUT = 0x10, TARGET_OUTPUT_ENC = 0x14;
    public static final int ALG_PRF = 0x00, ALG_AES = 0x20, ALG_HKDF = 0x40;

    public Opcode opcode() { return Opcode.KDF; }

    public int source() { return mode & 3; }

    public int target() { return mode & 0x1C; }

    public int algorithm() { return mode & 0x60; }

    /** The details as the little-endian 32-bit value cryptoauthlib builds. */
    public int detailsValue() { return details.get(0) | details.get(1) << 8 | details.get(2) << 16 | details.get(3) << 24; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.KDF, mode, keyId, details.concat(message)); }

    static Kdf parse(CommandPacket p) {
        int m = p.param1();
        CommandParseException.require((m & 0x80) == 0 && (m & 0x60) != 0x60 && (m & 0x1C) <= TARGET_OUTPUT_ENC, String.format("KDF mode 0x%02x", m));
        CommandParseException.require(p.data().length() >= 4, "KDF needs 4 bytes of details");
        Bytes details = p.data().slice(0, 4);
        Bytes msg = p.data().slice(4, p.data().length());
        if ((m & 0x60) == ALG_AES) CommandParseException.require(msg.length() == 16, "KDF AES takes a 16-byte message");
        else CommandParseException.require(msg.length() == details.get(3) && msg.length() <= 128, "KDF message length must match details byte 3");
        return new Kdf(m, p.param2(), details, msg);
    }

    @Override public String toString() { return String.format("Kdf[mode 0x%02x, key 0x%04x]", mode, keyId); }
}
