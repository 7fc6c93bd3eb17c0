package dev.sesh.sim.chip;

import dev.sesh.atca.command.CheckMac;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

/**
 * CheckMac (reference/atecc.md 3.3), including the CheckMac copy. Works before the data lock
 * (cryptoauthlib's write_enc_data_unlock checks its encrypted write with it); a match authorises
 * the slot for the 608 persistent latch.
 */
final class CheckMacHandler {
    private CheckMacHandler() {}

    static ResponsePacket run(CheckMac m, ChipContext c) {
        SlotPolicy p = c.policy(m.keyId());
        boolean tkFirst = (m.mode() & 2) != 0, tkSecond = (m.mode() & 1) != 0;
        Bytes first = tkFirst ? MacInputs.tempKey(c, m.mode(), p) : MacInputs.slotKey(c, p, m.mode(), false);
        Bytes second = tkSecond ? MacInputs.tempKey(c, m.mode(), p) : m.challenge();
        Bytes expected = MacMath.checkMac(first, second, m.mode(), m.otherData(), c.mem.otp(), c.mem.serial());
        if (tkFirst || tkSecond) c.vol.tempKey = TempKey.INVALID;
        if (!expected.equals(m.response())) return ResponsePacket.status(StatusCode.MISCOMPARE);
        c.vol.authorizedKey = m.keyId();
        int copy = m.keyId() | 1;
        if ((m.mode() & 3) == 1 && c.policy(copy).readKey() == 0 && !c.policy(copy).isPrivate())
            c.vol.tempKey = new TempKey(c.mem.readSlot(copy, 0, 32), true, false, false, false, copy, false);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
