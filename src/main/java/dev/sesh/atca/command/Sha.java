package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * SHA (0x47), reference/atecc.md 3.3: mode 0 start, 1 update (64 bytes), 2 end (0-63 bytes,
 * param2 = their count; answers the digest, on the 608 also the end of an HMAC), 4 HMAC start
 * (param2 = key slot), 508A 5 HMAC end. Modes 3 (public key) and the 608 context modes are not
 * specified in the reference and are parse errors here (docs/decisions.md, chip model part).
 */
public record Sha(int mode, int param2, Bytes message) implements ChipCommand {
    public static final int START = 0, UPDATE = 1, END = 2, HMAC_START = 4, HMAC_END = 5;

    public Opcode opcode() { return Opcode.SHA; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.SHA, mode, param2, message); }

    static Sha parse(CommandPacket p, Variant v) {
        int m = p.param1();
        CommandParseException.require(m == START || m == UPDATE || m == END || m == HMAC_START || (m == HMAC_END && !v.is608()),
                String.format("SHA mode 0x%02x not supported", m));
        switch (m) {
            case UPDATE -> ChipCommand.requireLength(p, 64);
            case END, HMAC_END -> {
                CommandParseException.require(p.param2() <= 63 && p.data().length() == p.param2(), "SHA end length");
            }
            case HMAC_START -> { ChipCommand.requireLength(p, 0); ChipCommand.requireSlot(p.param2()); }
            default -> ChipCommand.requireLength(p, 0);
        }
        return new Sha(m, p.param2(), p.data());
    }

    @Override public String toString() { return String.format("Sha[mode %d, %d bytes]", mode, message.length()); }
}
