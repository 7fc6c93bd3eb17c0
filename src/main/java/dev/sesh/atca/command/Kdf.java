package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * KDF (0x56, 608 only): data = 4-byte details + message. The reference gives the field names but
 * not the algorithms' message layouts, so the simulated chip answers every KDF with a parse error
 * (docs/decisions.md, chip model part); this class still builds the packet for raw use.
 */
public record Kdf(int mode, int keyId, Bytes details, Bytes message) implements ChipCommand {
    public Opcode opcode() { return Opcode.KDF; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.KDF, mode, keyId, details.concat(message)); }

    static Kdf parse(CommandPacket p) {
        CommandParseException.require(p.data().length() >= 4, "KDF needs 4 bytes of details");
        return new Kdf(p.param1(), p.param2(), p.data().slice(0, 4), p.data().slice(4, p.data().length()));
    }

    @Override public String toString() { return String.format("Kdf[mode 0x%02x, key 0x%04x]", mode, keyId); }
}
