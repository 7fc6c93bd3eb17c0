package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * AES (0x51, 608 only), reference/atecc.md 3.3: mode bits 2-0 = 0 encrypt, 1 decrypt; bits 7-6 =
 * which 16-byte key in the slot; param2 = slot or 0xFFFF (TempKey); data 16 bytes; answers 16.
 * GFM (mode 3) is not specified enough to model and is a parse error here.
 */
public record Aes(int mode, int keyId, Bytes block) implements ChipCommand {
    public static final int TEMPKEY = 0xFFFF;

    public static Aes encrypt(int slot, int keyBlock, Bytes data16) { return new Aes(keyBlock << 6, slot, data16); }

    public static Aes decrypt(int slot, int keyBlock, Bytes data16) { return new Aes(keyBlock << 6 | 1, slot, data16); }

    public Opcode opcode() { return Opcode.AES; }

    public boolean decrypts() { return (mode & 7) == 1; }

    public int keyBlock() { return mode >> 6; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.AES, mode, keyId, block); }

    static Aes parse(CommandPacket p) {
        CommandParseException.require((p.param1() & 0x3E) == 0, String.format("AES mode 0x%02x not supported", p.param1()));
        CommandParseException.require(p.param2() <= 15 || p.param2() == TEMPKEY, "AES key id");
        ChipCommand.requireLength(p, 16);
        return new Aes(p.param1(), p.param2(), p.data());
    }

    @Override public String toString() { return String.format("Aes[mode 0x%02x, key 0x%04x]", mode, keyId); }
}
