package dev.sesh.sim.chip;

import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.Verify;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;

/** GenKey, Sign, Verify and ECDH (reference/atecc.md 8, 11 rule 12). */
final class EccHandlers {
    private EccHandlers() {}

    static ResponsePacket genKey(GenKey g, ChipContext c) {
        ChipError.check(c.mem.configLocked(), "GenKey needs the config zone locked");
        int slot = g.keyId();
        SlotPolicy p = c.policy(slot);
        TempKey tk = c.vol.tempKey;
        if (g.mode() == GenKey.PUB_DIGEST) {
            ChipError.check(!p.isPrivate() && p.isP256() && tk.valid(), "public-key digest needs a P-256 public key slot and a valid TempKey");
            Bytes pub = storedPublicKey(c, slot);
            digest(c, g, slot, Optional.of(g.otherData()), pub);
            return ResponsePacket.status(StatusCode.SUCCESS);
        }
        ChipError.check(p.isEccPrivate() && p.isSecret(), "slot " + slot + " is not a secret private P-256 slot");
        if (g.creates()) {
            ChipError.check(!c.mem.dataLocked() || (p.writeConfig() & 2) != 0, "WriteConfig of slot " + slot + " forbids GenKey");
            ChipError.check(!c.mem.slotLocked(slot), "slot " + slot + " is locked");
            c.mem.writeSlot(slot, 0, Bytes.of(new byte[4]).concat(Ecc.randomScalar(c.rng)));
        } else {
            ChipError.check(p.pubInfo(), "PubInfo of slot " + slot + " forbids computing its public key");
        }
        Bytes d = privateKey(c, slot);
        Bytes pub = Ecc.publicKey(d);
        if (g.digest()) {
            ChipError.check(tk.valid() && (!p.reqRandom() || !tk.sourceFlag()), "GenKey digest needs a valid (random) TempKey");
            digest(c, g, slot, Optional.empty(), pub);
        }
        return ResponsePacket.data(pub);
    }

    private static void digest(ChipContext c, GenKey g, int slot, Optional<Bytes> other, Bytes pub) {
        TempKey tk = c.vol.tempKey;
        Bytes next = TempKeyMath.genKeyDigest(tk.first32(), g.mode(), slot, other, c.mem.serial(), pub);
        c.vol.tempKey = new TempKey(next, true, tk.sourceFlag(), false, true, slot, false);
    }

    static ResponsePacket sign(Sign s, ChipContext c) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "Sign needs both zones locked");
        SlotPolicy p = c.policy(s.keyId());
        ChipError.check(p.isEccPrivate() && p.isSecret(), "slot " + s.keyId() + " is not a secret private P-256 slot");
        if (!s.isExternal()) throw ChipError.parse("internal Sign messages are not modelled");
        ChipError.check(p.extSign(), "slot " + s.keyId() + " does not allow external Sign");
        Bytes msg = message(c, s.mode() == Sign.EXTERNAL_MSGDIGBUF, p);
        Bytes d = privateKey(c, s.keyId());
        Bytes sig = Ecc.sign(d, msg, c.rng);
        if (s.mode() == Sign.EXTERNAL_MSGDIGBUF) c.vol.messageDigest = Optional.empty();
        else c.vol.tempKey = TempKey.INVALID;
        return ResponsePacket.data(sig);
    }

    static ResponsePacket verify(Verify v, ChipContext c) {
        Bytes pub;
        if (v.isExternal()) {
            pub = v.publicKey();
        } else {
            SlotPolicy p = c.policy(v.keyId());
            ChipError.check(!p.isPrivate() && p.isP256(), "slot " + v.keyId() + " does not hold a P-256 public key");
            pub = storedPublicKey(c, v.keyId());
            if (p.pubInfo()) ChipError.check(c.mem.readSlot(v.keyId(), 0, 1).get(0) >> 4 == 0x5, "the stored public key is not validated");
        }
        Bytes msg = message(c, (v.mode() & Verify.FROM_MSGDIGBUF) != 0, null);
        Optional<ECPoint> q = Ecc.point(pub);
        boolean ok = q.isPresent() && Ecc.verify(q.get(), msg, v.signature());
        return ResponsePacket.status(ok ? StatusCode.SUCCESS : StatusCode.MISCOMPARE);
    }

    static ResponsePacket ecdh(Ecdh e, ChipContext c) {
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "ECDH needs both zones locked");
        int slot = e.keyId();
        SlotPolicy p = c.policy(slot);
        ChipError.check(p.isEccPrivate(), "slot " + slot + " is not a private P-256 slot");
        ChipError.check(p.ecdhEnable(), "slot " + slot + " does not allow ECDH");
        Bytes d = privateKey(c, slot);
        Optional<ECPoint> q = Ecc.point(e.peerPublicKey());
        if (q.isEmpty()) throw new ChipError(StatusCode.ECC_FAULT, "peer public key is not on the curve");
        Bytes x = Ecc.ecdh(d, q.get()).orElseThrow(() -> new ChipError(StatusCode.ECC_FAULT, "ECDH gave the point at infinity"));
        if (e.mode() == Ecdh.OUTPUT_BUFFER || !p.ecdhToNextSlot()) return ResponsePacket.data(x);
        ChipError.check(slot % 2 == 0, "ECDH to the next slot needs an even slot");
        c.mem.writeSlot(slot + 1, 0, x);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    /** The 32-byte message Sign/Verify use: TempKey, or the 608 message digest buffer. */
    private static Bytes message(ChipContext c, boolean fromDigestBuffer, SlotPolicy signer) {
        if (fromDigestBuffer) return c.vol.messageDigest.orElseThrow(() -> ChipError.execution("the message digest buffer is empty"));
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid(), "TempKey is not valid");
        if (signer != null) ChipError.check(!signer.reqRandom() || !tk.sourceFlag(), "slot " + signer.slot() + " requires a random nonce");
        return tk.first32();
    }

    private static Bytes privateKey(ChipContext c, int slot) {
        Bytes d = c.mem.readSlot(slot, 4, 32);
        ChipError.check(Ecc.validScalar(d), "slot " + slot + " holds no valid private key");
        return d;
    }

    /** A public key stored as {@code 4 pad || X || 4 pad || Y} (reference/atecc.md 4.4). */
    private static Bytes storedPublicKey(ChipContext c, int slot) {
        return c.mem.readSlot(slot, 4, 32).concat(c.mem.readSlot(slot, 40, 32));
    }
}
