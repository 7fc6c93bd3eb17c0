package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static dev.sesh.sim.chip.SiliconParityTest.hex;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Info;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.SecureBoot;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SecureBoot (608), after cryptoauthlib's sboot_digest, sboot_digest_full_encrypted and
 * sboot_digest_fullstore_encrypted tests. Vectors: chip/silicon-vectors.json "secure_boot"
 * (key pair, signature and MACs computed with Python's cryptography/hashlib, not by the model).
 */
class SecureBootTest {
    static final Bytes PUB = hex("secure_boot", "public_key"), DIGEST = hex("secure_boot", "digest"), SIG = hex("secure_boot", "signature");
    static final Bytes IO_KEY = hex("secure_boot", "io_key"), TEMPKEY = hex("secure_boot", "tempkey"), DIGEST_ENC = hex("secure_boot", "digest_encrypted");
    static final int PUB_SLOT = 11, STORE_SLOT = 12;
    static final int FULL_BOTH = 1, FULL_SIG = 2, FULL_DIG = 3, PERSIST = 0x08, RAND_NONCE = 0x10;

    /** A locked 608 whose SecureBootConfig is {@code low} with the public key in slot 11 and the store in slot 12; IO key in slot 4. */
    static ChipHarness chip(int low) {
        ChipHarness h = AwsStages.configured(Variant.ATECC608A);
        h.mem.setConfigByte(70, low);
        h.mem.setConfigByte(71, PUB_SLOT << 4 | STORE_SLOT);
        h.mem.setConfigByte(96 + 2 * PUB_SLOT, 0x30);   // KeyConfig: P-256 public key, lockable, no PubInfo
        h.mem.setConfigByte(90, 0x02);                   // ChipOptions: IO protection key enabled ...
        h.mem.setConfigByte(91, 0x40);                   // ... in slot 4
        h.ok(Lock.configNoCrc());
        h.ok(Lock.dataNoCrc());
        h.ok(Write.clear(Address.data(4, 0, 0), IO_KEY));
        storePublicKey(h, PUB);
        return h;
    }

    static void storePublicKey(ChipHarness h, Bytes xy) {
        Bytes pad = Bytes.of(new byte[4]);
        h.mem.writeSlot(PUB_SLOT, 0, pad.concat(xy.slice(0, 32)).concat(pad).concat(xy.slice(32, 64)));
    }

    static SecureBoot full(int mode, Bytes digest, Bytes sig) { return new SecureBoot(mode, digest, sig); }

    static Bytes flipped(Bytes b) { return b.slice(0, b.length() - 1).concat(Bytes.ofInts(b.get(b.length() - 1) ^ 1)); }

    @Test
    void fullVerifiesTheSignatureWithTheStoredPublicKey() {
        ChipHarness h = chip(FULL_DIG);
        assertEquals(SUCCESS, h.status(full(0x05, DIGEST, SIG)));
        assertEquals(MISCOMPARE, h.status(full(0x05, DIGEST, flipped(SIG))), "a bad signature is a miscompare, as Verify");
        assertEquals(MISCOMPARE, h.status(full(0x05, flipped(DIGEST), SIG)));
    }

    // sboot_digest: GenKey, the public key written to the SecureBootPubKey slot, Sign, then Full, FullCopy, FullStore.
    @Test
    void chipSignedDigestPassesFullThenFullCopyThenFullStore() throws Exception {
        ChipHarness h = chip(FULL_DIG);
        Bytes pub = h.data(GenKey.create(2));
        storePublicKey(h, pub);
        Bytes digest = Bytes.of(MessageDigest.getInstance("SHA-256").digest(new byte[256]));
        h.ok(Nonce.passThrough(digest));
        Bytes sig = h.data(Sign.external(2));
        assertEquals(SUCCESS, h.status(full(0x05, digest, sig)));
        assertEquals(SUCCESS, h.status(full(0x07, digest, sig)));
        assertEquals(digest, h.mem.slot(STORE_SLOT).slice(0, 32), "FullCopy under FullDig stores the digest");
        assertEquals(SUCCESS, h.status(full(0x06, digest, Bytes.EMPTY)));
    }

    // FullCopy stores the digest (FullDig) or the signature (FullSig); FullStore then checks the digest against it.
    @ParameterizedTest
    @ValueSource(ints = {FULL_DIG, FULL_SIG})
    void fullCopyStoresThenFullStoreChecksAgainstTheStore(int sbMode) {
        ChipHarness h = chip(sbMode);
        Bytes stored = sbMode == FULL_DIG ? DIGEST : SIG;
        assertEquals(MISCOMPARE, h.status(full(0x06, DIGEST, Bytes.EMPTY)), "nothing stored yet");
        assertEquals(MISCOMPARE, h.status(full(0x07, DIGEST, flipped(SIG))));
        assertNotEquals(stored, h.mem.slot(STORE_SLOT).slice(0, stored.length()), "a failed FullCopy stores nothing");
        assertEquals(SUCCESS, h.status(full(0x07, DIGEST, SIG)));
        assertEquals(stored, h.mem.slot(STORE_SLOT).slice(0, stored.length()));
        assertEquals(SUCCESS, h.status(full(0x06, DIGEST, Bytes.EMPTY)));
        assertEquals(MISCOMPARE, h.status(full(0x06, flipped(DIGEST), Bytes.EMPTY)));
    }

    @Test
    void fullBothAllowsOnlyFullAndDisabledAllowsNothing() {
        ChipHarness both = chip(FULL_BOTH);
        assertEquals(SUCCESS, both.status(full(0x05, DIGEST, SIG)));
        assertEquals(EXECUTION_ERROR, both.status(full(0x06, DIGEST, Bytes.EMPTY)));
        assertEquals(EXECUTION_ERROR, both.status(full(0x07, DIGEST, SIG)));
        assertEquals(EXECUTION_ERROR, chip(0).status(full(0x05, DIGEST, SIG)), "SecureBootMode 0 = disabled");
    }

    @Test
    void dataLengthFollowsTheModeAndReservedModesAreParseErrors() {
        ChipHarness h = chip(FULL_DIG);
        assertEquals(PARSE_ERROR, h.status(full(0x05, DIGEST, Bytes.EMPTY)));
        assertEquals(PARSE_ERROR, h.status(full(0x06, DIGEST, SIG)));
        assertEquals(PARSE_ERROR, h.status(full(0x04, DIGEST, SIG)));
        assertEquals(PARSE_ERROR, h.status(full(0x0D, DIGEST, SIG)));
    }

    // sboot_digest_full_encrypted / sboot_digest_fullstore_encrypted: the digest travels encrypted, the chip answers a MAC.
    @Test
    void encryptedDigestModesAnswerTheValidatingMac() {
        ChipHarness h = chip(FULL_DIG);
        h.ok(Nonce.passThrough(TEMPKEY));
        assertEquals(hex("secure_boot", "mac_full"), h.data(full(0x85, DIGEST_ENC, SIG)));
        assertEquals(hex("secure_boot", "mac_fullcopy"), h.data(full(0x87, DIGEST_ENC, SIG)));
        assertEquals(DIGEST, h.mem.slot(STORE_SLOT).slice(0, 32), "the stored digest is the decrypted one");
        assertEquals(hex("secure_boot", "mac_fullstore_fulldig"), h.data(full(0x86, DIGEST_ENC, Bytes.EMPTY)));
        assertEquals(MISCOMPARE, h.status(full(0x85, DIGEST, SIG)), "a digest sent in the clear decrypts to garbage");
        h.ok(Nonce.passThrough(flipped(TEMPKEY)));
        assertEquals(MISCOMPARE, h.status(full(0x86, DIGEST_ENC, Bytes.EMPTY)), "another TempKey, another key stream");
    }

    @Test
    void encryptedFullStoreUnderFullSigMacsTheStoredSignature() {
        ChipHarness h = chip(FULL_SIG);
        h.ok(full(0x07, DIGEST, SIG));
        h.ok(Nonce.passThrough(TEMPKEY));
        assertEquals(hex("secure_boot", "mac_fullstore_fullsig"), h.data(full(0x86, DIGEST_ENC, Bytes.EMPTY)));
    }

    @Test
    void encryptedModeNeedsTempKeyAndRandNonceNeedsARandomOne() {
        assertEquals(EXECUTION_ERROR, chip(FULL_DIG).status(full(0x85, DIGEST_ENC, SIG)), "no valid TempKey");
        ChipHarness h = chip(FULL_DIG | RAND_NONCE);
        h.ok(Nonce.passThrough(TEMPKEY));
        assertEquals(EXECUTION_ERROR, h.status(full(0x85, DIGEST_ENC, SIG)), "SecureBootRandNonce and a pass-through TempKey");
        assertEquals(SUCCESS, h.status(full(0x05, DIGEST, SIG)), "the clear mode needs no nonce");
    }

    @Test
    void persistEnableSetsThePersistentLatchOnSuccessOnly() {
        ChipHarness h = chip(FULL_DIG | PERSIST);
        Info latch = new Info(Info.VOL_KEY_PERMIT, 0);
        assertEquals(0, h.data(latch).get(0));
        assertEquals(MISCOMPARE, h.status(full(0x05, DIGEST, flipped(SIG))));
        assertEquals(0, h.data(latch).get(0), "a failed boot check leaves the latch clear");
        assertEquals(SUCCESS, h.status(full(0x05, DIGEST, SIG)));
        assertEquals(1, h.data(latch).get(0));
        ChipHarness off = chip(FULL_DIG);
        off.ok(full(0x05, DIGEST, SIG));
        assertEquals(0, off.data(latch).get(0), "without SecureBootPersistEnable the latch stays clear");
    }

    @Test
    void prohibitBitRefusesSecureBootUntilPowerUp() {
        ChipHarness h = chip(FULL_DIG);
        assertEquals(SUCCESS, h.status(full(0x45, DIGEST, SIG)));
        assertEquals(EXECUTION_ERROR, h.status(full(0x05, DIGEST, SIG)));
        h.bus.write(0x60, new byte[] {1});   // sleep: not a power cycle
        assertEquals(EXECUTION_ERROR, h.status(full(0x05, DIGEST, SIG)));
        ChipHarness powered = new ChipHarness(h.mem);
        assertEquals(SUCCESS, powered.status(full(0x05, DIGEST, SIG)), "a power-up clears the prohibition");
    }

    @Test
    void secureBootIsAParseErrorOn508() {
        assertEquals(PARSE_ERROR, AwsStages.locked(Variant.ATECC508A).status(full(0x05, DIGEST, SIG)));
    }

    @Test
    void theMacVectorsFollowTheDocumentedLayout() throws Exception {
        // Guards the vector file itself: recompute one MAC with the JDK's SHA-256.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] hashedKey = sha.digest(IO_KEY.concat(TEMPKEY).toArray());
        for (int i = 0; i < 32; i++) assertEquals(DIGEST.get(i) ^ (hashedKey[i] & 0xff), DIGEST_ENC.get(i));
        sha.update(hashedKey);
        sha.update(DIGEST.toArray());
        sha.update(SIG.toArray());
        sha.update(new byte[] {(byte) 0x80, (byte) 0x85, 0, 0});
        assertEquals(hex("secure_boot", "mac_full"), Bytes.of(sha.digest()));
    }
}
