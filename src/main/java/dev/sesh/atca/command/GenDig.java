package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * GenDig (0x15), reference/atecc.md 3.3: zone 0 config (key id = block 0-3), 1 OTP (block 0-1),
 * 2 data (key id = slot; data = nothing or 4 bytes OtherData); 608 also 3 shared nonce (data = 32
 * bytes; key id bit 15 puts TempKey first and the shared nonce last), 4 counter (key id = counter
 * 0-1), 5 key config (key id = slot).
 */
public record GenDig(int zone, int keyId, Bytes otherData) implements ChipCommand {
    public static final int CONFIG = 0, OTP = 1, DATA = 2, SHARED_NONCE = 3, COUNTER = 4, KEY_CONFIG = 5;
    public static final int USE_TEMPKEY_FIRST = 0x8000;

    public GenDig(Zone zone, int keyId, Bytes otherData) { this(zone.code(), keyId, otherData); }

    /** What cryptoauthlib sends: OtherData {@code 15 02 kk 00}, so NoMac slots work too. */
    public static GenDig ofSlot(int slot) {
        return new GenDig(DATA, slot, Bytes.ofInts(0x15, 0x02, slot, 0));
    }

    public Opcode opcode() { return Opcode.GENDIG; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.GENDIG, zone, keyId, otherData); }

    static GenDig parse(CommandPacket p, Variant v) {
        int z = p.param1();
        CommandParseException.require(z <= DATA || (z <= KEY_CONFIG && v.is608()), "GenDig zone " + z + " not supported");
        if (z == SHARED_NONCE) {
            CommandParseException.require((p.param2() & 0x7F00) == 0, "GenDig shared-nonce key id " + p.param2());
            ChipCommand.requireLength(p, 32);
            return new GenDig(z, p.param2(), p.data());
        }
        int max = switch (z) { case CONFIG -> 3; case OTP, COUNTER -> 1; default -> 15; };
        CommandParseException.require(p.param2() <= max, "GenDig key id " + p.param2() + " out of range");
        if (z == DATA) ChipCommand.requireLength(p, 0, 4);
        else ChipCommand.requireLength(p, 0);
        return new GenDig(z, p.param2(), p.data());
    }
}
