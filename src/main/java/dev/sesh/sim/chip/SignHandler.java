package dev.sesh.sim.chip;

import dev.sesh.atca.command.Sign;
import dev.sesh.atca.host.SignInternalMessage;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * Sign (reference/atecc.md 8.2): external messages from TempKey or the 608 message digest buffer;
 * internal messages built from TempKey (after GenDig or GenKey) and the config of TempKey's slot
 * ({@link SignInternalMessage}).
 */
final class SignHandler {
    private SignHandler() {}

    static ResponsePacket run(Sign s, ChipContext c) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "Sign needs both zones locked");
        SlotPolicy p = c.policy(s.keyId());
        ChipError.check(p.isEccPrivate() && p.isSecret(), "slot " + s.keyId() + " is not a secret private P-256 slot");
        Bytes msg;
        boolean fromBuffer = s.mode() == Sign.EXTERNAL_MSGDIGBUF;
        if (s.isExternal()) {
            ChipError.check(p.extSign(), "slot " + s.keyId() + " does not allow external Sign");
            msg = EccKeys.message(c, fromBuffer);
            if (!fromBuffer) ChipError.check(!p.reqRandom() || !c.vol.tempKey.sourceFlag(), "slot " + s.keyId() + " requires a random nonce");
        } else {
            ChipError.check(p.intSign(), "slot " + s.keyId() + " does not allow internal Sign");
            msg = internalDigest(s, c);
        }
        Bytes d = EccKeys.privateKey(c, s.keyId());
        c.useKey(p);
        Bytes sig = Ecc.sign(d, msg);
        if (fromBuffer) c.vol.messageDigest = Optional.empty();
        else c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.data(sig);
    }

    private static Bytes internalDigest(Sign s, ChipContext c) {
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid() && (tk.genDigData() || tk.genKeyData()), "internal Sign needs TempKey from GenDig or GenKey");
        SlotPolicy from = c.policy(tk.keyId());
        Bytes msg = SignInternalMessage.build(tk.first32(), s.mode(), s.keyId(), from.slotConfig(), from.keyConfig(), EccKeys.flags(tk),
                c.mem.serial(), c.mem.slotLocked(tk.keyId()), EccKeys.validatedPublicKey(c, tk.keyId()));
        return dev.sesh.atca.host.Digests.sha256(msg);
    }
}
