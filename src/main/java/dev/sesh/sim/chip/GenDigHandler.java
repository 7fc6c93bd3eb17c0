package dev.sesh.sim.chip;

import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.Zone;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/** GenDig (reference/atecc.md 3.3 GenDig). */
final class GenDigHandler {
    private GenDigHandler() {}

    static ResponsePacket run(GenDig g, ChipContext c) {
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "GenDig needs a valid TempKey");
        int id = g.keyId();
        Bytes value;
        boolean noMac = false;
        switch (g.zone()) {
            case CONFIG -> value = c.mem.config().slice(id * 32, id * 32 + 32);
            case OTP -> value = c.mem.otp().slice(id * 32, id * 32 + 32);
            default -> {
                SlotPolicy p = c.policy(id);
                ChipError.check(!p.isPrivate(), "GenDig cannot use a private key");
                ChipError.check(!p.reqRandom() || !tk.sourceFlag(), "slot " + id + " requires a random nonce");
                noMac = p.noMac();
                ChipError.check(!noMac || g.otherData().length() == 4, "a NoMac slot needs 4 bytes of OtherData");
                ChipError.check(c.mem.configLocked(), "GenDig over a data slot needs the config zone locked");
                c.useKey(p);
                value = c.mem.readSlot(id, 0, 32);
            }
        }
        Optional<Bytes> other = noMac ? Optional.of(g.otherData()) : Optional.empty();
        Bytes next = TempKeyMath.genDig(value, g.zone().code(), id, other, c.mem.serial(), tk.first32());
        c.vol.tempKey = new TempKey(next, true, tk.sourceFlag(), g.zone() == Zone.DATA, false, id, noMac);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
