package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * SHA (0x47), reference/atecc.md 3.3: mode 0 start, 1 update (64 bytes; 608: 0-64, param2 = their
 * count), 2 end (0-63 final bytes, param2 = their count; answers the digest, on the 608 also the end
 * of an HMAC), 3 public (hash the public key stored in slot param2), 4 HMAC start (param2 = key
 * slot; 608 also 0xFFFF = the key in TempKey), 508A 5 HMAC end, 608 6 read context / 7 write
 * context (param2 = its length). 608 bits 7-6 of the end modes pick where the digest also goes:
 * 0x00 TempKey, 0x40 the message digest buffer, 0xC0 the answer only.
 */
public record Sha(int mode, int param2, Bytes message) implements ChipCommand {
    public static final int START = 0, UPDATE = 1, END = 2, PUBLIC = 3, HMAC_START = 4, HMAC_END = 5, READ_CONTEXT = 6, WRITE_CONTEXT = 7;
    public static final int TARGET_TEMPKEY = 0x00, TARGET_MSGDIGBUF = 0x40, TARGET_OUT_ONLY = 0xC0, TEMPKEY_KEY = 0xFFFF;

    public Opcode opcode() { return Opcode.SHA; }

    /** Mode bits 2-0. */
    public int command() { return mode & 7; }

    /** Mode bits 7-6 (608 end modes). */
    public int target() { return mode & 0xC0; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.SHA, mode, param2, message); }

    static Sha parse(CommandPacket p, Variant v) {
        int m = p.param1();
        int cmd = m & 7;
        boolean is608 = v.is608();
        boolean modeOk = is608 ? (m & 0x38) == 0 && cmd != HMAC_END && (m & 0xC0) != 0x80 && ((m & 0xC0) == 0 || cmd == END)
                : m <= HMAC_END;
        CommandParseException.require(modeOk, String.format("SHA mode 0x%02x not supported", m));
        switch (cmd) {
            case UPDATE -> {
                if (is608) CommandParseException.require(p.param2() <= 64 && p.data().length() == p.param2(), "SHA update length");
                else ChipCommand.requireLength(p, 64);
            }
            case END, HMAC_END -> CommandParseException.require(p.param2() <= 63 && p.data().length() == p.param2(), "SHA end length");
            case HMAC_START -> {
                ChipCommand.requireLength(p, 0);
                if (!(is608 && p.param2() == TEMPKEY_KEY)) ChipCommand.requireSlot(p.param2());
            }
            case PUBLIC -> { ChipCommand.requireLength(p, 0); ChipCommand.requireSlot(p.param2()); }
            case WRITE_CONTEXT -> CommandParseException.require(p.param2() >= 36 && p.param2() <= 99 && p.data().length() == p.param2(), "SHA context length");
            default -> ChipCommand.requireLength(p, 0);
        }
        return new Sha(m, p.param2(), p.data());
    }

    @Override public String toString() { return String.format("Sha[mode 0x%02x, %d bytes]", mode, message.length()); }
}
