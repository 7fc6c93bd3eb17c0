package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Aes;
import dev.sesh.atca.command.CheckMac;
import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Hmac;
import dev.sesh.atca.command.Kdf;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Mac;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.PrivWrite;
import dev.sesh.atca.command.Sha;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.Verify;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.host.Digests;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Nonce/GenDig, PrivWrite, GenKey, Sign, Verify, ECDH, MAC family, SHA, AES: one test per rule. */
class KeyRulesTest {
    static final Bytes D = Vectors.hex("ecc", "private_key");
    static final Bytes PUB = Vectors.hex("ecc", "public_key_xy");
    static final Bytes DIGEST = Vectors.hex("ecc", "sign", "digest");
    static final Bytes ZERO32 = Bytes.of(new byte[32]);

    @Test
    void randomNonceTempKeyIsTheHostFormulaOverRandOut() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        Bytes numIn = Vectors.hex("nonce_random", 1, "num_in");
        Bytes randOut = h.data(Nonce.random(false, numIn));
        TempKey tk = h.chip.tempKey();
        assertEquals(TempKeyMath.nonce(randOut, numIn, 1, 0), tk.value());
        assertTrue(tk.valid() && !tk.sourceFlag() && !tk.genDigData());
    }

    @Test
    void passThroughNonceSetsSourceFlag() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(DIGEST, h.chip.tempKey().value());
        assertTrue(h.chip.tempKey().sourceFlag());
    }

    @Test
    void nonceMode2IsParseError() {
        assertEquals(PARSE_ERROR, new ChipHarness(Variant.ATECC508A).send(new CommandPacket(Opcode.NONCE, 2, 0, Bytes.of(new byte[20]))).status().orElseThrow());
    }

    @Test
    void genDigWithoutValidTempKeyIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(GenDig.ofSlot(4)));
    }

    @Test
    void genDigSetsFlagsOfTheVector() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes expected = AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
        TempKey tk = h.chip.tempKey();
        assertEquals(expected, tk.value());
        assertTrue(tk.valid() && tk.genDigData() && !tk.sourceFlag() && !tk.noMacFlag());
        assertEquals(4, tk.keyId());
    }

    @Test
    void genDigOfPrivateKeySlotIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.data(Nonce.random(true, Bytes.of(new byte[20])));
        assertEquals(EXECUTION_ERROR, h.status(GenDig.ofSlot(0)));
    }

    @Test
    void privWriteInTheClearAfterDataLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(PrivWrite.clear(0, D)));
    }

    @Test
    void privWriteInTheClearBeforeDataLockStoresTheKey() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        h.ok(PrivWrite.clear(0, D));
        h.ok(Lock.dataNoCrc());
        assertEquals(PUB, h.data(GenKey.publicKey(0)));
    }

    @Test
    void privWriteBeforeConfigLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configured(Variant.ATECC508A).status(PrivWrite.clear(0, D)));
    }

    @Test
    void privWriteToNonPrivateSlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configLocked(Variant.ATECC508A).status(PrivWrite.clear(10, D)));
    }

    @Test
    void privWriteToSlotWithoutWriteConfigBit2IsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes tk = AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
        assertEquals(EXECUTION_ERROR, h.status(EncryptedWrites.privWrite(7, D, tk, h.mem.serial())), "slot 7 WriteConfig 2");
    }

    @Test
    void privWriteWithWrongWriteKeyIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes tk = AwsStages.genDig(h, 4, ZERO32);
        assertEquals(EXECUTION_ERROR, h.status(EncryptedWrites.privWrite(0, D, tk, h.mem.serial())));
        assertEquals(EXECUTION_ERROR, h.status(GenKey.publicKey(0)), "slot 0 still holds no valid key");
    }

    @Test
    void privWriteWithoutGenDigIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.ok(Nonce.passThrough(ZERO32));
        assertEquals(EXECUTION_ERROR, h.status(EncryptedWrites.privWrite(0, D, ZERO32, h.mem.serial())));
    }

    @Test
    void genKeyBeforeConfigLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.configured(Variant.ATECC508A).status(GenKey.create(0)));
    }

    @Test
    void genKeyOnSlotWithoutGenKeyBitAfterDataLockIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(GenKey.create(14)), "slot 14 WriteConfig 4");
    }

    @Test
    void genKeyOnNonPrivateSlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(GenKey.create(10)));
    }

    @Test
    void genKeyCreatesKeyWhosePublicKeyIsStable() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes pub = h.data(GenKey.create(2));
        assertEquals(pub, h.data(GenKey.publicKey(2)));
        assertEquals(Bytes.ofHex("01000000"), h.data(new dev.sesh.atca.command.Info(1, 2)));
    }

    @Test
    void genKeyOnLockedSlotIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.ok(Lock.slot(2));
        assertEquals(EXECUTION_ERROR, h.status(GenKey.create(2)));
    }

    @Test
    void genKeyDigestModeLeavesVectorDigestInTempKey() {
        ChipHarness h = AwsFlowTest.provisioned(Variant.ATECC508A);
        h.ok(Nonce.passThrough(Vectors.hex("ecc", "pubkey_digest_mode_0x08", "tempkey_before")));
        h.data(new GenKey(GenKey.DIGEST, 0, Bytes.EMPTY));
        // Only SN[8], SN[0], SN[1] enter the digest, and they are EE 01 23 on every chip, so the vector applies.
        assertEquals(Vectors.hex("ecc", "pubkey_digest_mode_0x08", "tempkey_after"), h.chip.tempKey().value());
        assertTrue(h.chip.tempKey().genKeyData());
    }

    @Test
    void signBeforeDataLockIsExecutionError() {
        ChipHarness h = AwsStages.configLocked(Variant.ATECC508A);
        h.ok(PrivWrite.clear(0, D));
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(EXECUTION_ERROR, h.status(Sign.external(0)));
    }

    @Test
    void signWithoutValidTempKeyIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsFlowTest.provisioned(Variant.ATECC508A).status(Sign.external(0)));
    }

    @Test
    void externalSignWithInternalOnlyKeyIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.data(GenKey.create(7));
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(EXECUTION_ERROR, h.status(Sign.external(7)), "slot 7 is IntSign only");
    }

    @Test
    void signWithReqRandomKeyAndPassThroughTempKeyIsExecutionError() {
        ChipHarness h = AwsStages.configured(Variant.ATECC508A);
        h.ok(new Write(Address.config(3, 0), false, Bytes.ofHex("33007300"), Optional.empty()));
        h.ok(Lock.configNoCrc());
        h.ok(PrivWrite.clear(1, D));
        h.ok(Lock.dataNoCrc());
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(EXECUTION_ERROR, h.status(Sign.external(1)));
        h.data(Nonce.random(true, Bytes.of(new byte[20])));
        assertEquals(64, h.data(Sign.external(1)).length());
    }

    @Test
    void signWithEmptyKeySlotIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(EXECUTION_ERROR, h.status(Sign.external(1)), "factory 0xFF bytes are no valid scalar");
    }

    @Test
    void internalSignOfAPassThroughTempKeyIsExecutionError() {
        ChipHarness h = AwsFlowTest.provisioned(Variant.ATECC508A);
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(EXECUTION_ERROR, h.status(new Sign(0x00, 0)), "internal Sign needs TempKey from GenDig or GenKey");
    }

    @Test
    void verifyExternalOfVectorSignatureSucceedsAndTamperedIsMiscompare() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        Bytes rs = Vectors.hex("ecc", "sign", "signature_rs");
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(Vectors.hex("ecc", "verify_external", "response_ok"), h.send(Verify.external(rs, PUB)).encode());
        byte[] bad = rs.toArray();
        bad[5] ^= 1;
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(Vectors.hex("ecc", "verify_external", "response_mismatch"), h.send(Verify.external(Bytes.of(bad), PUB)).encode());
    }

    @Test
    void verifyWithOffCurveKeyIsExecutionError() {
        for (Variant v : new Variant[] {Variant.ATECC508A, Variant.ATECC608A}) {
            ChipHarness h = new ChipHarness(v);
            h.ok(Nonce.passThrough(DIGEST));
            Bytes offCurve = PUB.slice(0, 63).concat(Bytes.ofInts(PUB.get(63) ^ 1));
            assertEquals(EXECUTION_ERROR, h.status(Verify.external(Vectors.hex("ecc", "sign", "signature_rs"), offCurve)), v.toString());
        }
    }

    @Test
    void verifyFromMessageDigestBufferOn608() {
        ChipHarness h = new ChipHarness(Variant.ATECC608A);
        h.ok(Nonce.passThroughTo(Nonce.TARGET_MSG_DIGEST, DIGEST));
        CommandPacket p = CommandPacket.decode(Vectors.hex("ecc", "verify_external", "command_608a_msgdigbuf"));
        assertEquals(0x00, h.send(p).payload().get(0));
    }

    @Test
    void ecdhMatchesVectorSharedSecret() {
        ChipHarness h = AwsFlowTest.provisioned(Variant.ATECC508A);
        CommandPacket p = CommandPacket.decode(Vectors.hex("ecc", "ecdh", "command_508a"));
        assertEquals(Vectors.hex("ecc", "ecdh", "response_clear"), h.send(p).encode());
    }

    @Test
    void ecdhOnSlotWithoutEcdhEnableIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.data(GenKey.create(7));
        assertEquals(EXECUTION_ERROR, h.status(Ecdh.of(7, Vectors.hex("ecc", "ecdh", "peer_public_xy"))));
    }

    @Test
    void ecdhWithOffCurvePeerIsEccFault() {
        assertEquals(ECC_FAULT, AwsFlowTest.provisioned(Variant.ATECC508A).status(Ecdh.of(0, Bytes.ofHex("01".repeat(64)))));
    }

    @Test
    void macOverSlotKeyMatchesHostFormula() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes chal = Bytes.ofHex("5a".repeat(32));
        Bytes mac = h.data(new Mac(0x00, 4, chal));
        assertEquals(MacMath.mac(AwsStages.WRITE_KEY, chal, 0, 4, h.mem.otp(), h.mem.serial()), mac);
    }

    @Test
    void macWithNoMacSlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC508A).status(new Mac(0, 6, ZERO32)), "slot 6 is NoMac");
    }

    @Test
    void macWithSourceFlagMismatchIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.ok(Nonce.passThrough(ZERO32));
        assertEquals(EXECUTION_ERROR, h.status(new Mac(0x01, 4, Bytes.EMPTY)), "pass-through TempKey needs mode bit 2");
        h.ok(Nonce.passThrough(ZERO32));
        assertEquals(32, h.data(new Mac(0x05, 4, Bytes.EMPTY)).length());
    }

    @Test
    void macOfPrivateKeySlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsFlowTest.provisioned(Variant.ATECC508A).status(new Mac(0, 0, ZERO32)));
    }

    @Test
    void checkMacMatchAnswersSuccessAndMismatchMiscompare() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        Bytes chal = Bytes.ofHex("33".repeat(32));
        Bytes other = Bytes.ofHex("0102030405060708090a0b0c0d");
        Bytes resp = MacMath.checkMac(AwsStages.WRITE_KEY, chal, 0, other, h.mem.otp(), h.mem.serial());
        assertEquals(SUCCESS, h.status(new CheckMac(0, 4, chal, resp, other)));
        assertEquals(MISCOMPARE, h.status(new CheckMac(0, 4, chal, ZERO32, other)));
    }

    @Test
    void hmacOn508aMatchesHostFormulaAndIsParseErrorOn608() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        h.ok(Nonce.passThrough(ZERO32));
        Bytes out = h.data(new Hmac(0x04, 4));
        assertEquals(MacMath.hmac(AwsStages.WRITE_KEY, ZERO32, 0x04, 4, h.mem.otp(), h.mem.serial()), out);
        assertEquals(PARSE_ERROR, new ChipHarness(Variant.ATECC608A).send(new CommandPacket(Opcode.HMAC, 4, 4, Bytes.EMPTY)).status().orElseThrow());
    }

    @Test
    void shaStartUpdateEndIsSha256() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        Bytes block = Bytes.ofHex("61".repeat(64));
        Bytes tail = Bytes.ofHex("626364");
        h.ok(new Sha(Sha.START, 0, Bytes.EMPTY));
        h.ok(new Sha(Sha.UPDATE, 64, block));
        assertEquals(Digests.sha256(block.concat(tail)), h.data(new Sha(Sha.END, 3, tail)));
    }

    @Test
    void shaUpdateWithoutStartIsExecutionError() {
        assertEquals(EXECUTION_ERROR, new ChipHarness(Variant.ATECC508A).status(new Sha(Sha.UPDATE, 64, Bytes.of(new byte[64]))));
    }

    @Test
    void shaContextIsLostOnSleep() {
        ChipHarness h = new ChipHarness(Variant.ATECC508A);
        h.ok(new Sha(Sha.START, 0, Bytes.EMPTY));
        h.bus.write(0x60, new byte[] {1});
        h.wake();
        h.bus.write(0x60, new byte[] {1});
        assertEquals(EXECUTION_ERROR, h.status(new Sha(Sha.END, 0, Bytes.EMPTY)));
    }

    @Test
    void aesOn608EncryptsWithSlotKeyAndDecryptsBack() throws Exception {
        ChipHarness h = AwsStages.configured(Variant.ATECC608A);
        h.ok(new Write(Address.config(3, 5), false, Bytes.ofHex("38003800"), Optional.empty()));
        h.ok(Lock.configNoCrc());
        Bytes key = Bytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        h.ok(Write.clear(Address.data(10, 0, 0), key));
        h.ok(Lock.dataNoCrc());
        Bytes plain = Bytes.ofHex("00112233445566778899aabbccddeeff");
        Bytes enc = h.data(Aes.encrypt(10, 0, plain));
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key.slice(0, 16).toArray(), "AES"));
        assertEquals(Bytes.of(c.doFinal(plain.toArray())), enc);
        assertEquals(plain, h.data(Aes.decrypt(10, 0, enc)));
    }

    @Test
    void aesWithAesDisabledIsExecutionError() {
        ChipHarness h = AwsStages.locked(Variant.ATECC608A);
        h.mem.setConfigByte(13, 0);
        assertEquals(EXECUTION_ERROR, h.status(Aes.encrypt(5, 0, Bytes.of(new byte[16]))));
    }

    @Test
    void aesOnNonAesSlotIsExecutionError() {
        assertEquals(EXECUTION_ERROR, AwsStages.locked(Variant.ATECC608A).status(Aes.encrypt(4, 0, Bytes.of(new byte[16]))));
    }

    @Test
    void kdfWithoutValidTempKeyIsExecutionError() {
        assertEquals(EXECUTION_ERROR, new ChipHarness(Variant.ATECC608A).status(new Kdf(0, 0, Bytes.of(new byte[4]), Bytes.EMPTY)));
    }

    @Test
    void selfTestPassesOn608() {
        ChipHarness h = new ChipHarness(Variant.ATECC608A);
        for (int mode : new int[] {0x3D, 0x3B, 0x02, 0x3F}) assertEquals(SUCCESS, h.status(new dev.sesh.atca.command.SelfTest(mode)), "mode " + mode);
        assertEquals(PARSE_ERROR, h.status(new dev.sesh.atca.command.SelfTest(0x40)));
    }
}
