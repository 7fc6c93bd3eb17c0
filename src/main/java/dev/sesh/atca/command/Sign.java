package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;

/**
 * Sign (0x41), reference/atecc.md 8.2: mode 0x80 external (message = TempKey), 608 0xA0 external
 * from the message digest buffer; internal 0x00 (+0x40 full serial, +0x01 for Verify invalidate).
 * Answers R || S, 32 bytes each, big-endian.
 */
public record Sign(int mode, int keyId) implements ChipCommand {
    public static final int EXTERNAL = 0x80, EXTERNAL_MSGDIGBUF = 0xA0;

    public static Sign external(int slot) { return new Sign(EXTERNAL, slot); }

    public Opcode opcode() { return Opcode.SIGN; }

    public boolean isExternal() { return (mode & 0x80) != 0; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.SIGN, mode, keyId); }

    static Sign parse(CommandPacket p, Variant v) {
        ChipCommand.requireLength(p, 0);
        int m = p.param1();
        boolean ok = m == EXTERNAL || (m == EXTERNAL_MSGDIGBUF && v.is608()) || (m & ~0x41) == 0;
        CommandParseException.require(ok, String.format("Sign mode 0x%02x", m));
        ChipCommand.requireSlot(p.param2());
        return new Sign(m, p.param2());
    }
}
