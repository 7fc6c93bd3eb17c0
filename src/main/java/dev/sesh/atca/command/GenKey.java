package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * GenKey (0x40), reference/atecc.md 8.1: mode 0x04 create a private key and answer its public key,
 * 0x00 public key of the stored private key, 0x08/0x0C the same plus a digest into TempKey, 0x10
 * digest of the public key stored in a slot (3 bytes OtherData). On the 608, mode 0x04 with key id
 * 0xFFFF creates the private key in TempKey (for ECDH from TempKey). Public keys are X || Y, 32
 * bytes each, big-endian.
 */
public record GenKey(int mode, int keyId, Bytes otherData) implements ChipCommand {
    public static final int PUBLIC = 0x00, CREATE = 0x04, DIGEST = 0x08, PUB_DIGEST = 0x10;
    /** 608 key id: the private key goes to TempKey. */
    public static final int TEMPKEY = 0xFFFF;

    public static GenKey create(int slot) { return new GenKey(CREATE, slot, Bytes.EMPTY); }

    /** 608: a new private key in TempKey; answers its public key. */
    public static GenKey createInTempKey() { return new GenKey(CREATE, TEMPKEY, Bytes.EMPTY); }

    public static GenKey publicKey(int slot) { return new GenKey(PUBLIC, slot, Bytes.EMPTY); }

    public Opcode opcode() { return Opcode.GENKEY; }

    public boolean creates() { return (mode & CREATE) != 0; }

    public boolean digest() { return (mode & (DIGEST | PUB_DIGEST)) != 0; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.GENKEY, mode, keyId, otherData); }

    static GenKey parse(CommandPacket p, Variant v) {
        int m = p.param1();
        CommandParseException.require(m == 0x00 || m == 0x04 || m == 0x08 || m == 0x0C || m == 0x10, String.format("GenKey mode 0x%02x", m));
        ChipCommand.requireLength(p, m == PUB_DIGEST ? 3 : 0);
        if (!(v.is608() && m == CREATE && p.param2() == TEMPKEY)) ChipCommand.requireSlot(p.param2());
        return new GenKey(m, p.param2(), p.data());
    }
}
