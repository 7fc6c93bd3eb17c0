package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;

/** Read (0x02): param1 = zone | 0x80 for 32 bytes; param2 = address (reference/atecc.md 3.3, 4.6). */
public record Read(Address address, boolean size32) implements ChipCommand {
    public Opcode opcode() { return Opcode.READ; }

    public int length() { return size32 ? 32 : 4; }

    public CommandPacket toPacket() {
        return new CommandPacket(Opcode.READ, address.zone().code() | (size32 ? 0x80 : 0), address.encode());
    }

    public static Read config32(int block) { return new Read(Address.config(block, 0), true); }

    static Read parse(CommandPacket p) {
        ChipCommand.requireLength(p, 0);
        CommandParseException.require((p.param1() & 0x7C) == 0, "Read param1 bits 2-6 must be 0");
        boolean big = (p.param1() & 0x80) != 0;
        return new Read(Address.decode(Zone.of(p.param1()), p.param2(), big ? 32 : 4), big);
    }
}
