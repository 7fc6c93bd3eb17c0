package dev.sesh.sim.chip;

import dev.sesh.atca.command.Verify;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;

/** Verify (reference/atecc.md 8.3): external and stored public keys. */
final class VerifyHandler {
    private VerifyHandler() {}

    static ResponsePacket run(Verify v, ChipContext c) {
        Bytes pub;
        if (v.isExternal()) {
            pub = v.publicKey();
        } else {
            SlotPolicy p = c.policy(v.keyId());
            ChipError.check(!p.isPrivate() && p.isP256(), "slot " + v.keyId() + " does not hold a P-256 public key");
            pub = EccKeys.storedPublicKey(c, v.keyId());
            if (p.pubInfo()) ChipError.check(c.mem.readSlot(v.keyId(), 0, 1).get(0) >> 4 == 0x5, "the stored public key is not validated");
        }
        Bytes msg = EccKeys.message(c, (v.mode() & Verify.FROM_MSGDIGBUF) != 0);
        Optional<ECPoint> q = Ecc.point(pub);
        boolean ok = q.isPresent() && Ecc.verify(q.get(), msg, v.signature());
        return ResponsePacket.status(ok ? StatusCode.SUCCESS : StatusCode.MISCOMPARE);
    }
}
