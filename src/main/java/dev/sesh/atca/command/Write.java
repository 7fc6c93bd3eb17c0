package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * Write (0x12): param1 = zone | 0x40 (encrypted, MAC follows) | 0x80 (32 bytes); param2 =
 * address; data = 4 or 32 value bytes, then a 32-byte MAC when encrypted (reference/atecc.md 3.3,
 * 7.3). For an encrypted write {@code value} is the ciphertext.
 */
public record Write(Address address, boolean encrypted, Bytes value, Optional<Bytes> mac) implements ChipCommand {
    public Write {
        if (value.length() != 4 && value.length() != 32) throw new IllegalArgumentException("Write value must be 4 or 32 bytes");
        if (encrypted != mac.isPresent() || mac.map(m -> m.length() != 32).orElse(false)) throw new IllegalArgumentException("encrypted write needs a 32-byte MAC");
    }

    public static Write clear(Address a, Bytes value) { return new Write(a, false, value, Optional.empty()); }

    public static Write encrypted(Address a, Bytes ciphertext, Bytes mac) { return new Write(a, true, ciphertext, Optional.of(mac)); }

    public Opcode opcode() { return Opcode.WRITE; }

    public boolean size32() { return value.length() == 32; }

    /** The param1 byte (also an input of the write MAC). */
    public int param1() { return address.zone().code() | (encrypted ? 0x40 : 0) | (size32() ? 0x80 : 0); }

    public CommandPacket toPacket() {
        return new CommandPacket(Opcode.WRITE, param1(), address.encode(), mac.map(value::concat).orElse(value));
    }

    static Write parse(CommandPacket p) {
        CommandParseException.require((p.param1() & 0x3C) == 0, "Write param1 bits 2-5 must be 0");
        boolean big = (p.param1() & 0x80) != 0;
        boolean enc = (p.param1() & 0x40) != 0;
        CommandParseException.require(!enc || big, "encrypted writes are 32 bytes");
        ChipCommand.requireLength(p, enc ? 64 : big ? 32 : 4);
        Address a = Address.decode(Zone.of(p.param1()), p.param2(), big ? 32 : 4);
        Bytes d = p.data();
        return enc ? encrypted(a, d.slice(0, 32), d.slice(32, 64)) : clear(a, d);
    }

    @Override public String toString() {
        return "Write[" + address + ", " + value.length() + " bytes" + (encrypted ? ", encrypted" : "") + "]";
    }
}
