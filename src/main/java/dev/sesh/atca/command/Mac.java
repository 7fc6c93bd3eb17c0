package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * MAC (0x08), reference/atecc.md 3.3: mode bit 0 = second block from TempKey (else the 32-byte
 * challenge in data), bit 1 = first block from TempKey (else the slot key), bit 2 = TempKey source
 * flag, bits 4/5 = include OTP bytes, bit 6 = include the full serial. Answers 32 bytes.
 */
public record Mac(int mode, int keyId, Bytes challenge) implements ChipCommand {
    public Opcode opcode() { return Opcode.MAC; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.MAC, mode, keyId, challenge); }

    static Mac parse(CommandPacket p) {
        int m = p.param1();
        CommandParseException.require((m & 0x88) == 0, String.format("MAC mode 0x%02x", m));
        ChipCommand.requireLength(p, (m & 1) != 0 ? 0 : 32);
        ChipCommand.requireSlot(p.param2());
        return new Mac(m, p.param2(), p.data());
    }
}
