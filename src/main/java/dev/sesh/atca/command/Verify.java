package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * Verify (0x45), reference/atecc.md 8.3. Supported: 0x02 external (param2 = key type 4, data
 * R || S || X || Y), 0x00 stored (param2 = slot, data R || S); 608 bit 5 takes the message from the
 * message digest buffer instead of TempKey; 0x03 validate / 0x07 invalidate (param2 = the public-key
 * slot, data R || S || 19 bytes OtherData, message built from TempKey as for Sign internal). 608
 * bit 7 answers a 32-byte MAC over the IO protection key, the message, the system nonce held in the
 * message digest buffer (after the message when that is the source) and the signature.
 */
public record Verify(int mode, int keyId, Bytes signature, Bytes publicKey, Bytes otherData) implements ChipCommand {
    public static final int STORED = 0x00, EXTERNAL = 0x02, VALIDATE = 0x03, INVALIDATE = 0x07, FROM_MSGDIGBUF = 0x20, MAC_OUTPUT = 0x80;

    public static Verify external(Bytes rs, Bytes xy) { return new Verify(EXTERNAL, 4, rs, xy, Bytes.EMPTY); }

    public static Verify stored(int slot, Bytes rs) { return new Verify(STORED, slot, rs, Bytes.EMPTY, Bytes.EMPTY); }

    /** Validate ({@code invalidate} false) or invalidate the public key in {@code slot}. */
    public static Verify validate(int slot, Bytes rs, Bytes otherData19, boolean invalidate) {
        return new Verify(invalidate ? INVALIDATE : VALIDATE, slot, rs, Bytes.EMPTY, otherData19);
    }

    public Opcode opcode() { return Opcode.VERIFY; }

    public boolean isExternal() { return (mode & 7) == EXTERNAL; }

    /** 608: answer a validating MAC instead of a status. */
    public boolean macOutput() { return (mode & MAC_OUTPUT) != 0; }

    /** Validate or invalidate mode. */
    public boolean isValidation() { return mode == VALIDATE || mode == INVALIDATE; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.VERIFY, mode, keyId, signature.concat(publicKey).concat(otherData)); }

    static Verify parse(CommandPacket p, Variant v) {
        int m = p.param1();
        if (m == VALIDATE || m == INVALIDATE) {
            ChipCommand.requireSlot(p.param2());
            ChipCommand.requireLength(p, 64 + 19);
            return new Verify(m, p.param2(), p.data().slice(0, 64), Bytes.EMPTY, p.data().slice(64, 83));
        }
        int allowedExtra = v.is608() ? FROM_MSGDIGBUF | MAC_OUTPUT : 0;
        int sub = m & ~allowedExtra;
        CommandParseException.require(sub == STORED || sub == EXTERNAL, String.format("Verify mode 0x%02x not supported", m));
        if (sub == EXTERNAL) {
            CommandParseException.require(p.param2() == 4, "external Verify needs key type 4 (P-256)");
            ChipCommand.requireLength(p, 128);
            return new Verify(m, 4, p.data().slice(0, 64), p.data().slice(64, 128), Bytes.EMPTY);
        }
        ChipCommand.requireSlot(p.param2());
        ChipCommand.requireLength(p, 64);
        return new Verify(m, p.param2(), p.data(), Bytes.EMPTY, Bytes.EMPTY);
    }

    @Override public String toString() { return String.format("Verify[mode 0x%02x, key 0x%04x]", mode, keyId); }
}
