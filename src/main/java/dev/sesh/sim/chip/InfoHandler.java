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
                out[0] = (byte) (tk.keyId() | (tk.sourceFlag() ? 0x10 : 0) | (tk.genDigData() ? 0x20 : 0) | (tk.genKeyData() ? 0x40 : 0) | (tk.noMacFlag() ? 0x80 : 0));
                out[1] = (byte) (tk.valid() ? 0x80 : 0);
            }
            case Info.VOL_KEY_PERMIT -> {
                if ((i.param() & 2) != 0) c.vol.volatileKeyPermit = (i.param() & 1) != 0;
                out[0] = (byte) (c.vol.volatileKeyPermit ? 1 : 0);
            }
            default -> { }
        }
        return ResponsePacket.data(Bytes.of(out));
    }
}
