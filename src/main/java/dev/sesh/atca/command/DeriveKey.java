package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/** DeriveKey (0x1C): mode bit 2 = TempKey source flag; param2 = target slot; data = optional 32-byte MAC. */
public record DeriveKey(int mode, int target, Bytes mac) implements ChipCommand {
    public Opcode opcode() { return Opcode.DERIVE_KEY; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.DERIVE_KEY, mode, target, mac); }

    static DeriveKey parse(CommandPacket p) {
        CommandParseException.require((p.param1() & ~0x04) == 0, String.format("DeriveKey mode 0x%02x", p.param1()));
        ChipCommand.requireSlot(p.param2());
        ChipCommand.requireLength(p, 0, 32);
        return new DeriveKey(p.param1(), p.param2(), p.data());
    }

    @Override public String toString() { return "DeriveKey[target " + target + (mac.length() > 0 ? ", with MAC" : "") + "]"; }
}
