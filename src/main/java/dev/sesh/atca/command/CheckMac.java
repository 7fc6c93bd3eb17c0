package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * CheckMac (0x28), reference/atecc.md 3.3: data = ClientChal (32) || ClientResp (32) || OtherData
 * (13); mode bit 0 = second block from TempKey, bit 1 = first block from TempKey, bit 2 = source
 * flag, bit 5 = include OTP[0..7]. Answers 0x00 match or 0x01 miscompare.
 */
public record CheckMac(int mode, int keyId, Bytes challenge, Bytes response, Bytes otherData) implements ChipCommand {
    public Opcode opcode() { return Opcode.CHECK_MAC; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.CHECK_MAC, mode, keyId, challenge.concat(response).concat(otherData)); }

    static CheckMac parse(CommandPacket p) {
        CommandParseException.require((p.param1() & ~0x27) == 0, String.format("CheckMac mode 0x%02x", p.param1()));
        ChipCommand.requireSlot(p.param2());
        ChipCommand.requireLength(p, 77);
        Bytes d = p.data();
        return new CheckMac(p.param1(), p.param2(), d.slice(0, 32), d.slice(32, 64), d.slice(64, 77));
    }

    @Override public String toString() { return String.format("CheckMac[mode 0x%02x, slot %d]", mode, keyId); }
}
