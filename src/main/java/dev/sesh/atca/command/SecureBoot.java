package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * SecureBoot (0x80, 608 only): mode 0x05 full, 0x06 full-store, 0x07 full-copy (bit 6 prohibit
 * until power-up, bit 7 encrypted digest + MAC answer); data = 32-byte digest + 64-byte signature
 * (full-store: the digest only). The simulated chip's rules are in sim.chip.SecureBootHandler.
 */
public record SecureBoot(int mode, Bytes digest, Bytes signature) implements ChipCommand {
    public Opcode opcode() { return Opcode.SECURE_BOOT; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.SECURE_BOOT, mode, 0, digest.concat(signature)); }

    static SecureBoot parse(CommandPacket p) {
        int sub = p.param1() & 0x3F;
        CommandParseException.require(sub >= 5 && sub <= 7, String.format("SecureBoot mode 0x%02x", p.param1()));
        ChipCommand.requireLength(p, 32, 96);
        return new SecureBoot(p.param1(), p.data().slice(0, 32), p.data().slice(32, p.data().length()));
    }
}
