package dev.sesh.sim.chip;

import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * GenDig (reference/atecc.md 3.3 GenDig): config, OTP and data zones; on the 608 also the shared
 * nonce, counter and key-config zones, whose message layouts are those cryptoauthlib's host helper
 * and gendig tests use. Only a data-slot digest sets GenDigData and KeyID.
 */
final class GenDigHandler {
    private GenDigHandler() {}

    static ResponsePacket run(GenDig g, ChipContext c) {
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "GenDig needs a valid TempKey");
        int id = g.keyId();
        Bytes old = tk.first32();
        Bytes next;
        switch (g.zone()) {
            case GenDig.CONFIG -> next = TempKeyMath.genDig(c.mem.config().slice(id * 32, id * 32 + 32), g.zone(), id, Optional.empty(), c.mem.serial(), old);
            case GenDig.OTP -> next = TempKeyMath.genDig(c.mem.otp().slice(id * 32, id * 32 + 32), g.zone(), id, Optional.empty(), c.mem.serial(), old);
            case GenDig.SHARED_NONCE -> next = TempKeyMath.genDigSharedNonce(g.otherData(), id, c.mem.serial(), old);
            case GenDig.COUNTER -> next = TempKeyMath.genDigCounter(id, c.mem.counter(id), c.mem.serial(), old);
            case GenDig.KEY_CONFIG -> next = TempKeyMath.genDigKeyConfig(id, c.mem.slotConfig(id), c.mem.keyConfig(id), c.mem.slotLocked(id), c.mem.serial(), old);
            default -> { return data(g, c, tk); }
        }
        c.vol.tempKey = new TempKey(next, true, tk.sourceFlag(), false, false, 0, false);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    private static ResponsePacket data(GenDig g, ChipContext c, TempKey tk) {
        int id = g.keyId();
        SlotPolicy p = c.policy(id);
        ChipError.check(c.mem.configLocked(), "GenDig over a data slot needs the config zone locked");
        ChipError.check(!p.isPrivate(), "GenDig cannot use a private key");
        ChipError.check(!p.reqRandom() || !tk.sourceFlag(), "slot " + id + " requires a random nonce");
        boolean noMac = p.noMac();
        ChipError.check(!noMac || g.otherData().length() == 4, "a NoMac slot needs 4 bytes of OtherData");
        c.useKey(p);
        Optional<Bytes> other = noMac ? Optional.of(g.otherData()) : Optional.empty();
        Bytes next = TempKeyMath.genDig(c.mem.readSlot(id, 0, 32), GenDig.DATA, id, other, c.mem.serial(), tk.first32());
        c.vol.tempKey = new TempKey(next, true, tk.sourceFlag(), true, false, id, noMac);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
