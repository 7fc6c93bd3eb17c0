package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;

/** HMAC (0x11, 508A only): HMAC-SHA256 with a slot key over TempKey and chip fields; answers 32 bytes. */
public record Hmac(int mode, int keyId) implements ChipCommand {
    public Opcode opcode() { return Opcode.HMAC; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.HMAC, mode, keyId); }

    static Hmac parse(CommandPacket p) {
        ChipCommand.requireLength(p, 0);
        CommandParseException.require((p.param1() & ~0x74) == 0, String.format("HMAC mode 0x%02x", p.param1()));
        ChipCommand.requireSlot(p.param2());
        return new Hmac(p.param1(), p.param2());
    }
}
