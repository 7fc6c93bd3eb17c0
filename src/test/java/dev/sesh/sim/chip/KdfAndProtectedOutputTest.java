package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static dev.sesh.sim.chip.SiliconParityTest.hex;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Kdf;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.host.IoProtection;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** 608 KDF (PRF, AES, HKDF) and IO-protected KDF/ECDH outputs, against chip/silicon-vectors.json. */
class KdfAndProtectedOutputTest {
    static final Bytes KEY = hex("kdf", "key");
    static final Bytes M16 = hex("kdf", "message_16");
    static final Bytes M32 = hex("kdf", "message_32");

    static Bytes details(int v) { return Bytes.ofInts(v, v >> 8, v >> 16, v >> 24); }

    /** Both zones locked; ChipOptions: IO protection key enabled in slot 4, KDFProt/ECDHProt as given. */
    static ChipHarness chip(int prot) {
        ChipHarness h = AwsStages.configured(Variant.ATECC608A);
        h.mem.setConfigByte(90, 0x02);
        h.mem.setConfigByte(91, 0x40 | prot);
        h.ok(Lock.configNoCrc());
        h.ok(Lock.dataNoCrc());
        h.ok(dev.sesh.atca.command.Write.clear(dev.sesh.atca.command.Address.data(4, 0, 0), AwsStages.WRITE_KEY));
        return h;
    }

    @Test
    void prfFromTempKeyToOutputGivesTheTestSuitesValue() {
        ChipHarness h = chip(0);
        h.ok(Nonce.passThrough(KEY));
        Bytes out = h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0x1234, details(0x01 | 0x100 | 16 << 24), M16));
        assertEquals(hex("kdf", "prf_64"), out);
        h.ok(Nonce.passThrough(KEY));
        assertEquals(hex("kdf", "prf_64").slice(0, 32),
                h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x01 | 16 << 24), M16)), "32-byte target length");
    }

    @Test
    void aesFromTempKeyAndFromTheAlternateKeyBuffer() {
        ChipHarness h = chip(0);
        h.ok(Nonce.passThrough(KEY));
        assertEquals(hex("kdf", "aes_32"), h.data(new Kdf(Kdf.ALG_AES | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0x1234, details(0), M16)));
        h.ok(Nonce.passThroughTo(Nonce.TARGET_ALT_KEY, KEY));
        h.ok(new Kdf(Kdf.ALG_AES | Kdf.SOURCE_ALTKEYBUF | Kdf.TARGET_TEMPKEY, 0x1234, details(0), M16));
        assertEquals(hex("kdf", "aes_32"), h.chip.tempKey().first32());
    }

    @Test
    void hkdfIsHmacOfTheMessageUnderTheSourceKey() {
        ChipHarness h = chip(0);
        h.ok(Nonce.passThrough(KEY));
        assertEquals(hex("kdf", "hkdf_16"), h.data(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x02 | 16 << 24), M16)));
        h.ok(Nonce.passThrough(KEY));
        assertEquals(hex("kdf", "hkdf_zero_key_16"), h.data(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x06 | 16 << 24), M16)));
    }

    @Test
    void kdfToASlotWritesTheResult() {
        ChipHarness h = chip(0);
        h.ok(Nonce.passThrough(KEY));
        h.ok(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_SLOT, 0x0A00, details(0x01 | 32 << 24), M32));
        h.ok(Nonce.passThrough(KEY));
        Bytes expected = h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x01 | 32 << 24), M32));
        assertEquals(expected, h.mem.slot(10).slice(0, 32));
        h.ok(Nonce.passThrough(KEY));
        assertEquals(EXECUTION_ERROR, h.status(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_SLOT, 0x0000, details(0x01 | 32 << 24), M32)), "slot 0 holds a private key");
    }

    @Test
    void encryptedKdfOutputDecryptsWithTheIoProtectionKey() {
        ChipHarness h = chip(0);
        h.ok(Nonce.passThrough(KEY));
        Bytes clear = h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x01 | 0x100 | 16 << 24), M16));
        h.ok(Nonce.passThrough(KEY));
        Bytes enc = h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT_ENC, 0, details(0x01 | 0x100 | 16 << 24), M16));
        assertEquals(96, enc.length());
        assertNotEquals(clear, enc.slice(0, 64));
        assertEquals(clear, IoProtection.apply(AwsStages.WRITE_KEY, enc.slice(64, 96), enc.slice(0, 64)));
    }

    @Test
    void kdfProtBitsForbidClearOutput() {
        ChipHarness h = chip(0x04);  // KDFProt = 1: encrypted output only
        h.ok(Nonce.passThrough(KEY));
        assertEquals(EXECUTION_ERROR, h.status(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x02 | 16 << 24), M16)));
        h.ok(Nonce.passThrough(KEY));
        assertEquals(64, h.data(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT_ENC, 0, details(0x02 | 16 << 24), M16)).length());
    }

    @Test
    void kdfDoesNotExistOn508() {
        assertEquals(PARSE_ERROR, AwsStages.locked(Variant.ATECC508A).status(new Kdf(0x10, 0, details(16 << 24), M16)));
    }

    @Test
    void ecdhWithEncryptedOutputDecryptsToTheClearSecret() {
        ChipHarness h = chip(0);
        Bytes peer = h.data(GenKey.create(0));
        h.data(GenKey.create(2));
        Bytes clear = h.data(new Ecdh(Ecdh.OUTPUT_BUFFER, 2, peer));
        Bytes enc = h.data(new Ecdh(Ecdh.OUTPUT_BUFFER | Ecdh.OUTPUT_ENC, 2, peer));
        assertEquals(64, enc.length());
        assertEquals(clear, IoProtection.apply(AwsStages.WRITE_KEY, enc.slice(32, 64), enc.slice(0, 32)));
        h.ok(new Ecdh(Ecdh.COPY_TEMPKEY, 2, peer));
        assertEquals(clear, h.chip.tempKey().first32());
    }

    @Test
    void ecdhProtOneAllowsOnlyTheEncryptedOutput() {
        ChipHarness h = chip(0x01);
        Bytes peer = h.data(GenKey.create(0));
        h.data(GenKey.create(2));
        assertEquals(EXECUTION_ERROR, h.status(new Ecdh(Ecdh.OUTPUT_BUFFER, 2, peer)));
        assertEquals(64, h.data(new Ecdh(Ecdh.OUTPUT_BUFFER | Ecdh.OUTPUT_ENC, 2, peer)).length());
    }

    @Test
    void aesGfmMultipliesInGf128() {
        ChipHarness h = chip(0);
        assertEquals(hex("aes_gfm", "product"), h.data(dev.sesh.atca.command.Aes.gfm(hex("aes_gfm", "h"), hex("aes_gfm", "input"))));
        assertEquals(PARSE_ERROR, AwsStages.locked(Variant.ATECC508A).status(dev.sesh.atca.command.Aes.gfm(hex("aes_gfm", "h"), hex("aes_gfm", "input"))));
    }

    // verify_extern_mac / verify_stored_mac: the MAC proves the chip's verdict to the host.
    @Test
    void verifyWithMacOutputAnswersTheValidatingMac() {
        ChipHarness h = chip(0);
        Bytes pub = h.data(GenKey.create(0));
        Bytes digest = dev.sesh.atca.host.Digests.sha256(Bytes.ofInts(0x61, 0x62, 0x63));
        h.ok(Nonce.passThrough(digest));
        Bytes sig = h.data(dev.sesh.atca.command.Sign.external(0));
        Bytes systemNonce = hex("kdf", "key");
        h.ok(Nonce.passThroughTo(Nonce.TARGET_MSG_DIGEST, digest.concat(systemNonce)));
        int mode = 0x02 | 0x20 | 0x80;
        Bytes mac = h.data(new dev.sesh.atca.command.Verify(mode, 4, sig, pub, Bytes.EMPTY));
        Bytes expected = dev.sesh.atca.host.Digests.message().add(AwsStages.WRITE_KEY).add(digest).add(systemNonce).add(sig)
                .add(0x45, mode, 4, 0).sha256();
        assertEquals(expected, mac);
        Bytes bad = sig.slice(0, 63).concat(Bytes.ofInts(sig.get(63) ^ 1));
        assertEquals(MISCOMPARE, h.status(new dev.sesh.atca.command.Verify(mode, 4, bad, pub, Bytes.EMPTY)));
    }
}
