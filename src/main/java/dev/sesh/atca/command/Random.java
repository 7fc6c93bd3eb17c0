package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;

/** Random (0x1B): mode 0x00 update seed, 0x01 no update; answers 32 bytes (reference/atecc.md 3.3). */
public record Random(int mode) implements ChipCommand {
    public Opcode opcode() { return Opcode.RANDOM; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.RANDOM, mode, 0); }

    static Random parse(CommandPacket p) {
        ChipCommand.requireLength(p, 0);
        CommandParseException.require(p.param1() <= 1 && p.param2() == 0, "Random mode must be 0 or 1");
        return new Random(p.param1());
    }
}
