package dev.sesh.sim.chip;

import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/** GenKey (reference/atecc.md 8.1, 11 rule 12); on the 608 key id 0xFFFF puts the new private key in TempKey. */
final class GenKeyHandler {
    private GenKeyHandler() {}

    static ResponsePacket run(GenKey g, ChipContext c) {
        ChipError.check(c.mem.configLocked(), "GenKey needs the config zone locked");
        if (g.keyId() == GenKey.TEMPKEY) {
            Bytes d = Ecc.randomScalar(c.rng);
            c.vol.tempKey = new TempKey(d, true, false, false, false, 0, false);
            return ResponsePacket.data(Ecc.publicKey(d));
        }
        int slot = g.keyId();
        SlotPolicy p = c.policy(slot);
        TempKey tk = c.vol.tempKey;
        if (g.mode() == GenKey.PUB_DIGEST) {
            ChipError.check(!p.isPrivate() && p.isP256() && tk.valid(), "public-key digest needs a P-256 public key slot and a valid TempKey");
            Bytes pub = EccKeys.storedPublicKey(c, slot);
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
        Bytes d = EccKeys.privateKey(c, slot);
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
}
