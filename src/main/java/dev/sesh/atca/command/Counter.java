package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;

/** Counter (0x24): mode 0 read, 1 increment; param2 counter 0 or 1; answers 4 bytes LE. */
public record Counter(int mode, int counterId) implements ChipCommand {
    public Opcode opcode() { return Opcode.COUNTER; }

    public boolean increments() { return mode == 1; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.COUNTER, mode, counterId); }

    static Counter parse(CommandPacket p) {
        ChipCommand.requireLength(p, 0);
        CommandParseException.require(p.param1() <= 1, "Counter mode " + p.param1());
        CommandParseException.require(p.param2() <= 1, "counter " + p.param2() + " does not exist");
        return new Counter(p.param1(), p.param2());
    }
}
