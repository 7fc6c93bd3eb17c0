package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;

/** Info (0x30): mode 0 revision, 1 KeyValid (param = slot), 2 State, 3 GPIO, 608 4 VolKeyPermit. */
public record Info(int mode, int param) implements ChipCommand {
    public static final int REVISION = 0, KEY_VALID = 1, STATE = 2, GPIO = 3, VOL_KEY_PERMIT = 4;

    public static Info revision() { return new Info(REVISION, 0); }

    public Opcode opcode() { return Opcode.INFO; }

    public CommandPacket toPacket() { return new CommandPacket(Opcode.INFO, mode, param); }

    static Info parse(CommandPacket p, Variant v) {
        ChipCommand.requireLength(p, 0);
        int m = p.param1();
        CommandParseException.require(m <= 3 || (m == 4 && v.is608()), "Info mode " + m);
        if (m == KEY_VALID) ChipCommand.requireSlot(p.param2());
        if (m == REVISION || m == STATE) CommandParseException.require(p.param2() == 0, "Info param2 must be 0");
        return new Info(m, p.param2());
    }
}
