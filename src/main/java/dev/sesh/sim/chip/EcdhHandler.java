package dev.sesh.sim.chip;

import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;

/** ECDH (reference/atecc.md 8.4). */
final class EcdhHandler {
    private EcdhHandler() {}

    static ResponsePacket run(Ecdh e, ChipContext c) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "ECDH needs both zones locked");
        int slot = e.keyId();
        SlotPolicy p = c.policy(slot);
        ChipError.check(p.isEccPrivate(), "slot " + slot + " is not a private P-256 slot");
        ChipError.check(p.ecdhEnable(), "slot " + slot + " does not allow ECDH");
        Bytes d = EccKeys.privateKey(c, slot);
        Optional<ECPoint> q = Ecc.point(e.peerPublicKey());
        if (q.isEmpty()) throw new ChipError(StatusCode.ECC_FAULT, "peer public key is not on the curve");
        c.useKey(p);
        Bytes x = Ecc.ecdh(d, q.get()).orElseThrow(() -> new ChipError(StatusCode.ECC_FAULT, "ECDH gave the point at infinity"));
        if (e.mode() == Ecdh.OUTPUT_BUFFER || !p.ecdhToNextSlot()) return ResponsePacket.data(x);
        ChipError.check(slot % 2 == 0, "ECDH to the next slot needs an even slot");
        c.mem.writeSlot(slot + 1, 0, x);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
