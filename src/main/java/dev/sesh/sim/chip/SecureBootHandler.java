package dev.sesh.sim.chip;

import dev.sesh.atca.command.SecureBoot;
import dev.sesh.atca.host.Digests;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

/**
 * SecureBoot (608). SecureBootConfig (config bytes 70-71, little-endian): bits 1-0 SecureBootMode
 * (0 disabled, 1 FullBoth, 2 FullSig, 3 FullDig), bit 3 SecureBootPersistEnable (success sets the
 * persistent latch), bit 4 SecureBootRandNonce (the encrypted mode needs a random TempKey), bits
 * 11-8 the slot of the stored digest or signature, bits 15-12 the slot of the public key.
 *
 * <p>Modes: Full (0x05) verifies the signature over the digest with the stored public key; FullStore
 * (0x06, digest only) compares the digest with the stored one (FullDig) or verifies it against the
 * stored signature (FullSig); FullCopy (0x07) is Full and, on success, stores the digest (FullDig) or
 * the signature (FullSig). Bit 6 refuses every later SecureBoot until power-up. Bit 7: the digest
 * arrives XORed with SHA-256(IO protection key || TempKey) and a success answers the 32-byte MAC
 * SHA-256(that key || digest || signature || 80 mode param2), the signature left out for FullStore
 * under FullDig. A failed verification or digest comparison is a miscompare (0x01). These are the
 * layouts of cryptoauthlib's calib_secureboot_mac, atcah_secureboot_enc and atcah_secureboot_mac and
 * the expectations of its sboot tests (docs/simulator.md, fidelity table).
 */
final class SecureBootHandler {
    static final int FULL = 0x05, FULL_STORE = 0x06, FULL_COPY = 0x07, PROHIBIT = 0x40, ENC_MAC = 0x80;
    static final int DISABLED = 0, FULL_BOTH = 1, FULL_SIG = 2, FULL_DIG = 3;

    private SecureBootHandler() {}

    static ResponsePacket run(SecureBoot s, ChipContext c) {
        ChipError.check(!c.vol.secureBootProhibited, "SecureBoot is prohibited until the next power-up (an earlier mode bit 6)");
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "SecureBoot needs both zones locked");
        int config = c.mem.configByte(70) | c.mem.configByte(71) << 8;
        int sbMode = config & 3;
        int op = s.mode() & 7;
        ChipError.check(sbMode != DISABLED, "SecureBootMode is disabled (config bytes 70-71)");
        ChipError.check(op == FULL || sbMode != FULL_BOTH, "SecureBootMode FullBoth allows only the Full mode");
        if (op == FULL_STORE && s.signature().length() != 0) throw ChipError.parse("SecureBoot FullStore takes the 32-byte digest only");
        if (op != FULL_STORE && s.signature().length() != 64) throw ChipError.parse("SecureBoot Full/FullCopy take the digest and a 64-byte signature");
        int storeSlot = (config >> 8) & 15, pubSlot = (config >> 12) & 15;

        Bytes digest = s.digest();
        Bytes hashedKey = Bytes.EMPTY;
        boolean mac = (s.mode() & ENC_MAC) != 0;
        if (mac) {
            TempKey tk = c.vol.tempKey;
            ChipError.check(tk.valid(), "SecureBoot with an encrypted digest needs a valid TempKey");
            ChipError.check((config & 0x10) == 0 || !tk.sourceFlag(), "SecureBootRandNonce: TempKey must come from a random nonce");
            int chipOptions = c.mem.configByte(90) | c.mem.configByte(91) << 8;
            ChipError.check((chipOptions & 2) != 0, "IO protection key is not enabled (ChipOptions bit 1)");
            hashedKey = Digests.sha256(c.mem.readSlot(chipOptions >> 12, 0, 32).concat(tk.first32()));
            digest = EncryptedWrites.xor32(digest, hashedKey);
        }

        Bytes signature = s.signature();
        boolean ok;
        if (op == FULL_STORE && sbMode == FULL_DIG) {
            ok = digest.equals(c.mem.readSlot(storeSlot, 0, 32));
        } else {
            if (op == FULL_STORE) signature = c.mem.readSlot(storeSlot, 0, 64);
            ok = Ecc.verify(publicKey(c, pubSlot), digest, signature);
            if (ok && op == FULL_COPY) c.mem.writeSlot(storeSlot, 0, sbMode == FULL_DIG ? digest : signature);
        }
        if ((s.mode() & PROHIBIT) != 0) c.vol.secureBootProhibited = true;
        if (!ok) return ResponsePacket.status(StatusCode.MISCOMPARE);
        if ((config & 0x08) != 0) c.vol.persistentLatch = true;
        if (!mac) return ResponsePacket.status(StatusCode.SUCCESS);
        Digests.Message m = Digests.message().add(hashedKey).add(digest);
        if (!(op == FULL_STORE && sbMode == FULL_DIG)) m.add(signature);
        return ResponsePacket.data(m.add(0x80, s.mode(), 0, 0).sha256());
    }

    private static org.bouncycastle.math.ec.ECPoint publicKey(ChipContext c, int slot) {
        SlotPolicy p = c.policy(slot);
        ChipError.check(!p.isPrivate() && p.isP256(), "SecureBootPubKey slot " + slot + " does not hold a P-256 public key");
        if (p.pubInfo()) ChipError.check(EccKeys.validatedPublicKey(c, slot), "the SecureBoot public key in slot " + slot + " is not validated");
        return Ecc.point(EccKeys.storedPublicKey(c, slot)).orElseThrow(() -> ChipError.execution("the SecureBoot public key is not on the P-256 curve"));
    }
}
