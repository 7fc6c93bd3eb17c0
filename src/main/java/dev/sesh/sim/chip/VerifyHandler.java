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
        boolean fromBuffer = (v.mode() & Verify.FROM_MSGDIGBUF) != 0;
        Bytes msg = EccKeys.message(c, fromBuffer);
        boolean ok = Ecc.verify(point(pub), msg, v.signature());
        if (!v.macOutput() || !ok) return answer(ok);
        return ResponsePacket.data(mac(v, c, msg, fromBuffer));
    }

    // SHA-256(IO protection key || message || system nonce || R || S || 45 mode keyid_lo keyid_hi), cryptoauthlib's verify_stored_mac layout.
    private static Bytes mac(Verify v, ChipContext c, Bytes msg, boolean fromBuffer) {
        Bytes buf = c.vol.messageDigest.orElseThrow(() -> ChipError.execution("Verify MAC needs the system nonce in the message digest buffer"));
        int from = fromBuffer ? 32 : 0;
        ChipError.check(buf.length() >= from + 32, "Verify MAC needs a 64-byte message digest buffer (message || system nonce)");
        int chipOptions = c.mem.configByte(90) | c.mem.configByte(91) << 8;
        Bytes ioKey = c.mem.readSlot(chipOptions >> 12, 0, 32);
        return Digests.sha256(ioKey.concat(msg).concat(buf.slice(from, from + 32)).concat(v.signature())
                .concat(Bytes.ofInts(0x45, v.mode(), v.keyId(), v.keyId() >> 8)));
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
