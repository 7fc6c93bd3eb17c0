package dev.sesh.sim.chip;

import dev.sesh.atca.command.Verify;
import dev.sesh.atca.host.Digests;
import dev.sesh.atca.host.SignInternalMessage;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Verify (reference/atecc.md 8.3, 12a): external and stored public keys, and validate/invalidate
 * of a PubInfo public-key slot. A public key that is not on the curve is an execution error (0x0F),
 * as cryptoauthlib's malformed-public-key tests expect; a wrong signature is a miscompare (0x01).
 */
final class VerifyHandler {
    private VerifyHandler() {}

    static ResponsePacket run(Verify v, ChipContext c) {
        if (v.isValidation()) return validation(v, c);
        Bytes pub;
        if (v.isExternal()) {
            pub = v.publicKey();
        } else {
            SlotPolicy p = c.policy(v.keyId());
            ChipError.check(!p.isPrivate() && p.isP256(), "slot " + v.keyId() + " does not hold a P-256 public key");
            pub = EccKeys.storedPublicKey(c, v.keyId());
            if (p.pubInfo()) ChipError.check(EccKeys.validatedPublicKey(c, v.keyId()), "the stored public key is not validated");
        }
        Bytes msg = EccKeys.message(c, (v.mode() & Verify.FROM_MSGDIGBUF) != 0);
        return answer(Ecc.verify(point(pub), msg, v.signature()));
    }

    // The key in slot keyId is (in)validated by a signature of the parent key in the slot its ReadKey names.
    private static ResponsePacket validation(Verify v, ChipContext c) {
        int slot = v.keyId();
        SlotPolicy p = c.policy(slot);
        ChipError.check(EccKeys.needsValidation(p), "slot " + slot + " is not a PubInfo P-256 public-key slot");
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid() && tk.genKeyData() && tk.keyId() == slot, "TempKey is not from GenKey's digest of slot " + slot);
        SlotPolicy parent = c.policy(p.readKey());
        ChipError.check(!parent.isPrivate() && parent.isP256(), "slot " + p.readKey() + " (ReadKey of slot " + slot + ") holds no P-256 public key");
        ECPoint q = point(EccKeys.storedPublicKey(c, p.readKey()));
        Bytes msg = SignInternalMessage.fromOtherData(tk.first32(), v.otherData(), c.mem.serial());
        c.vol.tempKey = TempKey.INVALID;
        boolean ok = Ecc.verify(q, Digests.sha256(msg), v.signature());
        if (ok) EccKeys.markValidation(c, slot, v.mode() == Verify.VALIDATE ? EccKeys.VALID : EccKeys.INVALID);
        return answer(ok);
    }

    private static ECPoint point(Bytes xy) {
        return Ecc.point(xy).orElseThrow(() -> ChipError.execution("the public key is not on the P-256 curve"));
    }

    private static ResponsePacket answer(boolean ok) { return ResponsePacket.status(ok ? StatusCode.SUCCESS : StatusCode.MISCOMPARE); }
}
