package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;

/**
 * AES (0x51, 608 only), reference/atecc.md 3.3: mode bits 2-0 = 0 encrypt, 1 decrypt; bits 7-6 =
 * which 16-byte key in the slot; param2 = slot or 0xFFFF (TempKey); data 16 bytes; answers 16.
 * Mode 0x03 GFM: data = H 16 || input 16, answers H x input in GF(2^128) (cryptoauthlib's aes_gfm).
 */
public record Aes(int mode, int keyId, Bytes block) implements ChipCommand {
    public static final int TEMPKEY = 0xFFFF, GFM = 0x03;

    public static Aes encrypt(int slot, int keyBlock, Bytes data16) { return new Aes(keyBlock << 6, slot, data16); }

    public static Aes decrypt(int slot, int keyBlock, Bytes data16) { return new Aes(keyBlock << 6 | 1, slot, data16); }

    public Opcode opcode() { return Opcode.AES; }

    public boolean decrypts() { return (mode & 7) == 1; }

    public int keyBlock() { return mode >> 6; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.AES, mode, keyId, block); }

    /** Mode 0x03: GF(2^128) multiply of H by the input block (the GHASH step of AES-GCM); key id ignored. */
    public boolean isGfm() { return mode == GFM; }

    /** GFM of {@code h} and {@code x}, 16 bytes each. */
    public static Aes gfm(Bytes h, Bytes x) { return new Aes(GFM, 0, h.concat(x)); }

    static Aes parse(CommandPacket p) {
        if (p.param1() == GFM) {
            ChipCommand.requireLength(p, 32);
            return new Aes(GFM, p.param2(), p.data());
        }
        CommandParseException.require((p.param1() & 0x3E) == 0, String.format("AES mode 0x%02x not supported", p.param1()));
        CommandParseException.require(p.param2() <= 15 || p.param2() == TEMPKEY, "AES key id");
        ChipCommand.requireLength(p, 16);
        return new Aes(p.param1(), p.param2(), p.data());
    }

    @Override public String toString() { return String.format("Aes[mode 0x%02x, key 0x%04x]", mode, keyId); }
}
