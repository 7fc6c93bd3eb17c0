package dev.sesh.sim.chip;

import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDH (reference/atecc.md 8.4): the shared secret in the clear, to slot N+1, or (608) to TempKey or
 * encrypted with the IO protection key (answer: secret 32 || OutNonce 32), as cryptoauthlib's
 * ecdh_protected_key test decrypts it. ChipOptions ECDHProt (bits 9-8) 1 = only encrypted, 2 = no output.
 * The 608's private key in TempKey (mode bit 0, cryptoauthlib's ecdh_tempkey) needs only the config
 * lock and answers to TempKey or the output buffer.
 */
final class EcdhHandler {
    private EcdhHandler() {}

    static ResponsePacket run(Ecdh e, ChipContext c) {
        int slot = e.keyId();
        Bytes d;
        SlotPolicy p = null;
        if (e.fromTempKey()) {
            ChipError.check(c.mem.configLocked(), "ECDH needs the config zone locked");
            TempKey tk = c.vol.tempKey;
            ChipError.check(tk.valid() && Ecc.validScalar(tk.first32()), "TempKey holds no private key (GenKey with key id 0xFFFF first)");
            ChipError.check(e.copy() == Ecdh.COPY_TEMPKEY || e.copy() == Ecdh.OUTPUT_BUFFER, "ECDH from TempKey answers to TempKey or the output buffer only");
            d = tk.first32();
        } else {
            ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "ECDH needs both zones locked");
            p = c.policy(slot);
            ChipError.check(p.isEccPrivate(), "slot " + slot + " is not a private P-256 slot");
            ChipError.check(p.ecdhEnable(), "slot " + slot + " does not allow ECDH");
            d = EccKeys.privateKey(c, slot);
        }
        Optional<ECPoint> q = Ecc.point(e.peerPublicKey());
        if (q.isEmpty()) throw new ChipError(StatusCode.ECC_FAULT, "peer public key is not on the curve");
        boolean toSlot = e.copy() == Ecdh.COPY_SLOT || (e.copy() == 0 && p.ecdhToNextSlot());
        boolean toOutput = e.copy() == Ecdh.OUTPUT_BUFFER || (e.copy() == 0 && !p.ecdhToNextSlot());
        if (toSlot) ChipError.check(slot % 2 == 0, "ECDH to the next slot needs an even slot");
        int ecdhProt = c.variant().is608() ? c.mem.configByte(91) & 3 : 0;
        if (toOutput) ChipError.check(e.encrypted() ? ecdhProt != 2 : ecdhProt == 0, "ChipOptions ECDHProt forbids this ECDH output");
        if (p != null) c.useKey(p);
        Bytes x = Ecc.ecdh(d, q.get()).orElseThrow(() -> new ChipError(StatusCode.ECC_FAULT, "ECDH gave the point at infinity"));
        if (toOutput) return ResponsePacket.data(e.encrypted() ? KdfHandler.ioEncrypt(c, x) : x);
        if (toSlot) c.mem.writeSlot(slot + 1, 0, x);
        else c.vol.tempKey = new TempKey(x, true, false, false, false, slot & 15, false);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
