package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;

/**
 * SelfTest (0x77, 608 only): mode = bitmap of tests (0x01 RNG, 0x02 the second test bit, 0x04 ECDSA,
 * 0x08 ECDH, 0x10 AES, 0x20 SHA); cryptoauthlib's SELFTEST_MODE_ALL is 0x3B (reference/atecc.md 12a).
 */
public record SelfTest(int tests) implements ChipCommand {
    public static final int ALL = 0x3B;
    /** Every bit the parser accepts. */
    public static final int BITS = 0x3F;

    public Opcode opcode() { return Opcode.SELF_TEST; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.SELF_TEST, tests, 0); }

    static SelfTest parse(CommandPacket p) {
        ChipCommand.requireLength(p, 0);
        CommandParseException.require((p.param1() & ~BITS) == 0 && p.param1() != 0 && p.param2() == 0, String.format("SelfTest mode 0x%02x", p.param1()));
        return new SelfTest(p.param1());
    }
}
