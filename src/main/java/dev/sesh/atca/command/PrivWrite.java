package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * PrivWrite (0x46): param1 0x40 = encrypted (0x00 clear, only before data lock); param2 = slot;
 * data = 36-byte value (4 zero pad bytes + 32-byte big-endian P-256 scalar, or its ciphertext) +
 * 32-byte MAC (zeros when clear). Reference/atecc.md 3.3 and 7.2.
 */
public record PrivWrite(boolean encrypted, int slot, Bytes value, Bytes mac) implements ChipCommand {
    public PrivWrite {
        if (value.length() != 36 || mac.length() != 32) throw new IllegalArgumentException("PrivWrite needs 36 value and 32 MAC bytes");
        ChipCommand.requireSlot(slot);
    }

    /** Clear PrivWrite of a 32-byte scalar (MAC bytes zero). */
    public static PrivWrite clear(int slot, Bytes scalar32) {
        return new PrivWrite(false, slot, Bytes.of(new byte[4]).concat(scalar32), Bytes.of(new byte[32]));
    }

    public Opcode opcode() { return Opcode.PRIV_WRITE; }

    public int param1() { return encrypted ? 0x40 : 0x00; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.PRIV_WRITE, param1(), slot, value.concat(mac)); }

    static PrivWrite parse(CommandPacket p) {
        CommandParseException.require((p.param1() & ~0x40) == 0, "PrivWrite param1 may only have bit 6");
        ChipCommand.requireSlot(p.param2());
        ChipCommand.requireLength(p, 68);
        return new PrivWrite(p.param1() == 0x40, p.param2(), p.data().slice(0, 36), p.data().slice(36, 68));
    }

    @Override public String toString() { return "PrivWrite[slot " + slot + (encrypted ? ", encrypted" : ", clear") + "]"; }
}
