package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * Nonce (0x16), reference/atecc.md 3.3: mode 0x00/0x01 random (20-byte NumIn, answers 32-byte
 * RandOut), 0x03 pass-through (32 bytes; 608 with bit 5: 64 bytes). 608 pass-through target in
 * bits 7-6 (0x00 TempKey, 0x40 message digest buffer, 0x80 alternate key buffer); 608 param2
 * bit 15 asks for the new TempKey instead of RandOut.
 */
public record Nonce(int mode, int param2, Bytes numIn) implements ChipCommand {
    public static final int TARGET_TEMPKEY = 0x00;
    public static final int TARGET_MSG_DIGEST = 0x40;
    public static final int TARGET_ALT_KEY = 0x80;

    public static Nonce random(boolean updateSeed, Bytes numIn20) { return new Nonce(updateSeed ? 0 : 1, 0, numIn20); }

    public static Nonce passThrough(Bytes value32) { return new Nonce(0x03, 0, value32); }

    /** 608: pass-through into {@code target} (one of the TARGET_ constants). */
    public static Nonce passThroughTo(int target, Bytes value) { return new Nonce(0x03 | target | (value.length() == 64 ? 0x20 : 0), 0, value); }

    public Opcode opcode() { return Opcode.NONCE; }

    public boolean isRandom() { return (mode & 3) != 3; }

    public int target() { return mode & 0xC0; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.NONCE, mode, param2, numIn); }

    static Nonce parse(CommandPacket p, Variant v) {
        int m = p.param1();
        int low = m & 3;
        CommandParseException.require(low != 2, "Nonce mode 2 is invalid");
        if (v.is608()) {
            CommandParseException.require((m & 0x1C) == 0 && (m & 0xC0) != 0xC0, "Nonce mode bits");
            CommandParseException.require(low == 3 || (m & 0xE0) == 0, "random Nonce has no target or 64-byte option");
            CommandParseException.require((p.param2() & 0x7FFF) == 0, "Nonce param2");
        } else {
            CommandParseException.require((m & 0xFC) == 0, "Nonce mode bits");
            CommandParseException.require(p.param2() == 0, "Nonce param2 must be 0");
        }
        ChipCommand.requireLength(p, low == 3 ? ((m & 0x20) != 0 ? 64 : 32) : 20);
        return new Nonce(m, p.param2(), p.data());
    }

    @Override public String toString() { return String.format("Nonce[mode 0x%02x, %d bytes]", mode, numIn.length()); }
}
