package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * GenDig (0x15), reference/atecc.md 3.3: zone 0 config (key id = block 0-3), 1 OTP (block 0-1),
 * 2 data (key id = slot); data = nothing or 4 bytes OtherData. The 608's zones 3-5 are not
 * specified in the reference and are parse errors here (docs/decisions.md, chip model part).
 */
public record GenDig(Zone zone, int keyId, Bytes otherData) implements ChipCommand {
    /** What cryptoauthlib sends: OtherData {@code 15 02 kk 00}, so NoMac slots work too. */
    public static GenDig ofSlot(int slot) {
        return new GenDig(Zone.DATA, slot, Bytes.ofInts(0x15, 0x02, slot, 0));
    }

    public Opcode opcode() { return Opcode.GENDIG; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.GENDIG, zone.code(), keyId, otherData); }

    static GenDig parse(CommandPacket p, Variant v) {
        CommandParseException.require(p.param1() <= 2, "GenDig zone " + p.param1() + " not supported");
        Zone z = Zone.of(p.param1());
        int max = switch (z) { case CONFIG -> 3; case OTP -> 1; case DATA -> 15; };
        CommandParseException.require(p.param2() <= max, "GenDig key id " + p.param2() + " out of range");
        ChipCommand.requireLength(p, 0, 4);
        return new GenDig(z, p.param2(), p.data());
    }
}
