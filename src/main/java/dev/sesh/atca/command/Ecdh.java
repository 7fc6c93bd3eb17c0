package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * ECDH (0x43), reference/atecc.md 8.4: mode 0x00, param2 = private key slot, data = peer X || Y.
 * On the 608 the mode also says where the result goes (bits 3-2: 0x00 compatible, 0x04 slot N+1,
 * 0x08 TempKey, 0x0C output buffer), bit 1 asks for it encrypted with the IO protection key and
 * bit 0 takes the private key from TempKey (put there by GenKey with key id 0xFFFF) instead of the slot.
 */
public record Ecdh(int mode, int keyId, Bytes peerPublicKey) implements ChipCommand {
    public static final int SOURCE_TEMPKEY = 0x01, OUTPUT_ENC = 0x02, COPY_SLOT = 0x04, COPY_TEMPKEY = 0x08, OUTPUT_BUFFER = 0x0C;

    public static Ecdh of(int slot, Bytes peerXy) { return new Ecdh(0, slot, peerXy); }

    public Opcode opcode() { return Opcode.ECDH; }

    /** Mode bits 3-2. */
    public int copy() { return mode & 0x0C; }

    public boolean encrypted() { return (mode & OUTPUT_ENC) != 0; }

    /** 608: the private key is the one GenKey left in TempKey. */
    public boolean fromTempKey() { return (mode & SOURCE_TEMPKEY) != 0; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.ECDH, mode, keyId, peerPublicKey); }

    static Ecdh parse(CommandPacket p, Variant v) {
        int m = p.param1();
        CommandParseException.require(m == 0 || (v.is608() && (m & ~0x0F) == 0), String.format("ECDH mode 0x%02x not supported", m));
        ChipCommand.requireSlot(p.param2());
        ChipCommand.requireLength(p, 64);
        return new Ecdh(m, p.param2(), p.data());
    }
}
