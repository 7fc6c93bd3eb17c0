package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;

/** Pause (0x01, 508A only): idle unless {@code selector} equals config byte 85. */
public record Pause(int selector) implements ChipCommand {
    public Opcode opcode() { return Opcode.PAUSE; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.PAUSE, selector, 0); }

    static Pause parse(CommandPacket p) {
        ChipCommand.requireLength(p, 0);
        CommandParseException.require(p.param2() == 0, "Pause param2 must be 0");
        return new Pause(p.param1());
    }
}
