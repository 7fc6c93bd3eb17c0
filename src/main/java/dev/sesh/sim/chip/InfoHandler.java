package dev.sesh.sim.chip;

import dev.sesh.atca.command.Info;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;

/** Info (reference/atecc.md 3.3; layouts of modes 1-4 in docs/decisions.md, chip model part). */
final class InfoHandler {
    private InfoHandler() {}

    static ResponsePacket run(Info i, ChipContext c) {
        byte[] out = new byte[4];
        switch (i.mode()) {
            case Info.REVISION -> {
                int rev = c.variant().revision();
                out[2] = (byte) (rev >> 8);
                out[3] = (byte) rev;
            }
            case Info.KEY_VALID -> {
                SlotPolicy p = c.policy(i.param());
                out[0] = (byte) (p.isEccPrivate() && Ecc.validScalar(c.mem.readSlot(i.param(), 4, 32)) ? 1 : 0);
            }
            case Info.STATE -> {
                TempKey tk = c.vol.tempKey;
                out[0] = (byte) EccKeys.flags(tk);
                out[1] = (byte) (tk.valid() ? 0x80 : 0);
            }
            case Info.VOL_KEY_PERMIT -> {
                if ((i.param() & 2) != 0) {
                    boolean set = (i.param() & 1) != 0;
                    int permit = c.mem.configByte(ChipMemory.VOLATILE_KEY_PERMISSION);
                    if (set) {
                        ChipError.check((permit & 0x80) != 0, "VolatileKeyPermission is disabled (config byte 69 bit 7)");
                        ChipError.check(c.vol.authorizedKey == (permit & 15), "setting the latch needs a CheckMac with slot " + (permit & 15));
                    }
                    c.vol.persistentLatch = set;
                }
                out[0] = (byte) (c.vol.persistentLatch ? 1 : 0);
            }
            default -> { }
        }
        return ResponsePacket.data(Bytes.of(out));
    }
}
