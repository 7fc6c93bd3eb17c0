package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * ECDH (0x43), reference/atecc.md 8.4: mode 0x00, param2 = private key slot, data = peer X || Y.
 * On the 608 also mode 0x0C (result to the output buffer in the clear). Other 608 modes (TempKey
 * source, encrypted output) are parse errors here (docs/decisions.md, chip model part).
 */
public record Ecdh(int mode, int keyId, Bytes peerPublicKey) implements ChipCommand {
    public static final int OUTPUT_BUFFER = 0x0C;

    public static Ecdh of(int slot, Bytes peerXy) { return new Ecdh(0, slot, peerXy); }

    public Opcode opcode() { return Opcode.ECDH; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.ECDH, mode, keyId, peerPublicKey); }

    static Ecdh parse(CommandPacket p, Variant v) {
        int m = p.param1();
        CommandParseException.require(m == 0 || (m == OUTPUT_BUFFER && v.is608()), String.format("ECDH mode 0x%02x not supported", m));
        ChipCommand.requireSlot(p.param2());
        ChipCommand.requireLength(p, 64);
        return new Ecdh(m, p.param2(), p.data());
    }
}
