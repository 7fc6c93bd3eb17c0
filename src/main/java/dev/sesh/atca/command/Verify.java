package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * Verify (0x45), reference/atecc.md 8.3. Supported: 0x02 external (param2 = key type 4, data
 * R || S || X || Y), 0x00 stored (param2 = slot, data R || S); 608 bit 5 takes the message from the
 * message digest buffer instead of TempKey. Validate/invalidate and the 608 MAC output build a
 * message the reference does not specify; they are parse errors here (docs/decisions.md, chip model part).
 */
public record Verify(int mode, int keyId, Bytes signature, Bytes publicKey) implements ChipCommand {
    public static final int STORED = 0x00, EXTERNAL = 0x02, FROM_MSGDIGBUF = 0x20;

    public static Verify external(Bytes rs, Bytes xy) { return new Verify(EXTERNAL, 4, rs, xy); }

    public static Verify stored(int slot, Bytes rs) { return new Verify(STORED, slot, rs, Bytes.EMPTY); }

    public Opcode opcode() { return Opcode.VERIFY; }

    public boolean isExternal() { return (mode & 7) == EXTERNAL; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.VERIFY, mode, keyId, signature.concat(publicKey)); }

    static Verify parse(CommandPacket p, Variant v) {
        int m = p.param1();
        int allowedExtra = v.is608() ? FROM_MSGDIGBUF : 0;
        int sub = m & ~allowedExtra;
        CommandParseException.require(sub == STORED || sub == EXTERNAL, String.format("Verify mode 0x%02x not supported", m));
        if (sub == EXTERNAL) {
            CommandParseException.require(p.param2() == 4, "external Verify needs key type 4 (P-256)");
            ChipCommand.requireLength(p, 128);
            return new Verify(m, 4, p.data().slice(0, 64), p.data().slice(64, 128));
        }
        ChipCommand.requireSlot(p.param2());
        ChipCommand.requireLength(p, 64);
        return new Verify(m, p.param2(), p.data(), Bytes.EMPTY);
    }

    @Override public String toString() { return String.format("Verify[mode 0x%02x, key 0x%04x]", mode, keyId); }
}
