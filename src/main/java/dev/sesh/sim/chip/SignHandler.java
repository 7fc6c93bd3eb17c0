package dev.sesh.sim.chip;

import dev.sesh.atca.command.Sign;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/** Sign (reference/atecc.md 8.2): external messages from TempKey or the 608 message digest buffer. */
final class SignHandler {
    private SignHandler() {}

    static ResponsePacket run(Sign s, ChipContext c) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "Sign needs both zones locked");
        SlotPolicy p = c.policy(s.keyId());
        ChipError.check(p.isEccPrivate() && p.isSecret(), "slot " + s.keyId() + " is not a secret private P-256 slot");
        if (!s.isExternal()) throw ChipError.parse("internal Sign messages are not modelled");
        ChipError.check(p.extSign(), "slot " + s.keyId() + " does not allow external Sign");
        boolean fromBuffer = s.mode() == Sign.EXTERNAL_MSGDIGBUF;
        Bytes msg = EccKeys.message(c, fromBuffer);
        if (!fromBuffer) ChipError.check(!p.reqRandom() || !c.vol.tempKey.sourceFlag(), "slot " + s.keyId() + " requires a random nonce");
        Bytes d = EccKeys.privateKey(c, s.keyId());
        Bytes sig = Ecc.sign(d, msg);
        if (s.mode() == Sign.EXTERNAL_MSGDIGBUF) c.vol.messageDigest = Optional.empty();
        else c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.data(sig);
    }
}
