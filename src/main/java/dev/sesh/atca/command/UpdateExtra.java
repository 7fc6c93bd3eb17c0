package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;

/**
 * UpdateExtra (0x20): mode 0 writes config byte 84, mode 1 byte 85 (param2 low byte = value);
 * 508A mode 2 decrements the limited-use counter of slot param2 (reference/atecc.md 3.3).
 */
public record UpdateExtra(int mode, int value) implements ChipCommand {
    public static UpdateExtra userExtra(int v) { return new UpdateExtra(0, v); }

    public static UpdateExtra selector(int v) { return new UpdateExtra(1, v); }

    public Opcode opcode() { return Opcode.UPDATE_EXTRA; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.UPDATE_EXTRA, mode, value); }

    static UpdateExtra parse(CommandPacket p, Variant v) {
        ChipCommand.requireLength(p, 0);
        int m = p.param1();
        CommandParseException.require(m == 0 || m == 1 || (m == 2 && !v.is608()), "UpdateExtra mode " + m);
        CommandParseException.require(m == 2 ? p.param2() <= 15 : p.param2() <= 0xff, "UpdateExtra value");
        return new UpdateExtra(m, p.param2());
    }
}
