package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;

/**
 * Lock (0x17), reference/atecc.md 6: mode bits 1-0 = 0 config, 1 data+OTP, 2 slot (bits 5-2 slot);
 * bit 7 = skip the summary check; param2 = summary CRC-16 (register value, sent LE).
 */
public record Lock(int mode, int summary) implements ChipCommand {
    public static final int CONFIG = 0, DATA = 1, SLOT = 2;

    public static Lock config(int crc) { return new Lock(0x00, crc); }

    public static Lock configNoCrc() { return new Lock(0x80, 0); }

    public static Lock data(int crc) { return new Lock(0x01, crc); }

    public static Lock dataNoCrc() { return new Lock(0x81, 0); }

    /** Slot lock as cryptoauthlib sends it: summary 0, bit 7 clear. */
    public static Lock slot(int slot) { return new Lock(0x02 | slot << 2, 0); }

    public Opcode opcode() { return Opcode.LOCK; }

    public int kind() { return mode & 3; }

    public int slot() { return (mode >> 2) & 15; }

    public boolean checksSummary() { return (mode & 0x80) == 0; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.LOCK, mode, summary); }

    static Lock parse(CommandPacket p) {
        ChipCommand.requireLength(p, 0);
        int m = p.param1();
        CommandParseException.require((m & 3) != 3, "Lock zone 3 does not exist");
        CommandParseException.require((m & 0x40) == 0, "Lock mode bit 6 must be 0");
        CommandParseException.require((m & 3) == SLOT || (m & 0x3C) == 0, "slot bits only for a slot lock");
        return new Lock(m, p.param2());
    }
}
