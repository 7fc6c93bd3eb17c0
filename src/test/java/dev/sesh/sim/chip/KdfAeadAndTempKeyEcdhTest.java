package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static dev.sesh.sim.chip.KdfAndProtectedOutputTest.KEY;
import static dev.sesh.sim.chip.KdfAndProtectedOutputTest.M16;
import static dev.sesh.sim.chip.KdfAndProtectedOutputTest.M32;
import static dev.sesh.sim.chip.KdfAndProtectedOutputTest.chip;
import static dev.sesh.sim.chip.KdfAndProtectedOutputTest.details;
import static dev.sesh.sim.chip.SiliconParityTest.hex;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Kdf;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.host.IoProtection;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * 608 KDF PRF with AEAD processing, HKDF with its message in a slot or TempKey, GenKey into TempKey
 * and ECDH from TempKey (cryptoauthlib's KDF_DETAILS_PRF_AEAD_MODE1, KDF_DETAILS_HKDF_MSG_LOC_SLOT,
 * GENKEY_PRIVATE_TO_TEMPKEY, ecdh_tempkey / ecdh_tempkey_ioenc). Expected values: the prf_64/hkdf_16
 * vectors of chip/silicon-vectors.json, or the JDK's HMAC and ECDH computed here.
 */
class KdfAeadAndTempKeyEcdhTest {
    static final int AEAD1 = 0x200;

    static Bytes hmac(Bytes key, Bytes msg) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key.toArray(), "HmacSHA256"));
        return Bytes.of(m.doFinal(msg.toArray()));
    }

    @Test
    void prfAeadSendsTheFirstHalfToTheTargetAndAnswersTheSecond() {
        ChipHarness h = chip(0);
        Bytes prf64 = hex("kdf", "prf_64");
        h.ok(Nonce.passThrough(KEY));
        assertEquals(prf64.slice(32, 64), h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_TEMPKEY, 0, details(0x01 | AEAD1 | 16 << 24), M16)));
        assertEquals(prf64.slice(0, 32), h.chip.tempKey().value(), "TempKey holds the first 32 bytes only");
        h.ok(Nonce.passThrough(KEY));
        assertEquals(prf64, h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x01 | AEAD1 | 16 << 24), M16)),
                "to the output buffer both halves come out");
        h.ok(Nonce.passThrough(KEY));
        assertEquals(prf64.slice(32, 64), h.data(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_SLOT, 0x0A00, details(0x01 | AEAD1 | 16 << 24), M16)));
        assertEquals(prf64.slice(0, 32), h.mem.slot(10).slice(0, 32));
    }

    @Test
    void prfAeadOutputIsRefusedWhenKdfProtForbidsOutputAndOtherAeadModesAreParseErrors() {
        ChipHarness h = chip(0x08);   // KDFProt = 2: no KDF output at all
        h.ok(Nonce.passThrough(KEY));
        assertEquals(EXECUTION_ERROR, h.status(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_TEMPKEY, 0, details(0x01 | AEAD1 | 16 << 24), M16)));
        ChipHarness open = chip(0);
        open.ok(Nonce.passThrough(KEY));
        assertEquals(PARSE_ERROR, open.status(new Kdf(Kdf.ALG_PRF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_TEMPKEY, 0, details(0x01 | 0x400 | 16 << 24), M16)));
    }

    @Test
    void hkdfTakesItsMessageFromTheSlotInDetailsBits8To11() throws Exception {
        ChipHarness h = chip(0);
        h.ok(Write.clear(Address.data(10, 0, 0), M32));
        h.ok(Nonce.passThrough(KEY));
        Bytes ignored = Bytes.of(new byte[16]);
        assertEquals(hex("kdf", "hkdf_16"), h.data(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0x00 | 10 << 8 | 16 << 24), ignored)),
                "the first 16 bytes of slot 10 are message_16");
        h.ok(Nonce.passThrough(KEY));
        assertEquals(hmac(KEY, M32), h.data(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(10 << 8 | 32 << 24), Bytes.of(new byte[32]))));
        h.ok(Nonce.passThrough(KEY));
        assertEquals(EXECUTION_ERROR, h.status(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_TEMPKEY | Kdf.TARGET_OUTPUT, 0, details(0 << 8 | 16 << 24), ignored)),
                "slot 0 holds a private key");
    }

    @Test
    void hkdfWithTheMessageInTempKeyUsesDetailsByte3Bytes() throws Exception {
        ChipHarness h = chip(0);
        h.ok(Nonce.passThroughTo(Nonce.TARGET_ALT_KEY, KEY));
        h.ok(Nonce.passThrough(M32));
        assertEquals(hmac(KEY, M32), h.data(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_ALTKEYBUF | Kdf.TARGET_OUTPUT, 0, details(0x01 | 32 << 24), Bytes.of(new byte[32]))));
        assertEquals(hmac(KEY, M32.slice(0, 16)), h.data(new Kdf(Kdf.ALG_HKDF | Kdf.SOURCE_ALTKEYBUF | Kdf.TARGET_OUTPUT, 0, details(0x01 | 16 << 24), Bytes.of(new byte[16]))));
    }

    static Bytes xy(ECPublicKey k) { return fixed(k.getW().getAffineX()).concat(fixed(k.getW().getAffineY())); }

    static Bytes fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, Math.max(0, b.length - 32), out, Math.max(0, 32 - b.length), Math.min(32, b.length));
        return Bytes.of(out);
    }

    static Bytes jdkEcdh(KeyPair host, Bytes chipPub) throws Exception {
        ECPublicKey hostPub = (ECPublicKey) host.getPublic();
        ECPoint w = new ECPoint(new BigInteger(1, chipPub.slice(0, 32).toArray()), new BigInteger(1, chipPub.slice(32, 64).toArray()));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(host.getPrivate());
        ka.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, hostPub.getParams())), true);
        return Bytes.of(ka.generateSecret());
    }

    @Test
    void genKeyIntoTempKeyThenEcdhFromTempKeyAgreesWithTheJdk() throws Exception {
        ChipHarness h = chip(0);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair host = g.generateKeyPair();
        Bytes hostXy = xy((ECPublicKey) host.getPublic());

        Bytes chipPub = h.data(GenKey.createInTempKey());
        Bytes expected = jdkEcdh(host, chipPub);
        assertEquals(expected, h.data(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.OUTPUT_BUFFER, 0, hostXy)), "ecdh_tempkey");
        Bytes enc = h.data(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.OUTPUT_BUFFER | Ecdh.OUTPUT_ENC, 0, hostXy));
        assertEquals(expected, IoProtection.apply(AwsStages.WRITE_KEY, enc.slice(32, 64), enc.slice(0, 32)), "ecdh_tempkey_ioenc");
        h.ok(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.COPY_TEMPKEY, 0, hostXy));
        assertEquals(expected, h.chip.tempKey().first32(), "the secret replaces the private key in TempKey");
    }

    @Test
    void ecdhFromTempKeyRefusals() {
        ChipHarness h = chip(0);
        Bytes peer = h.data(GenKey.create(2));
        assertEquals(EXECUTION_ERROR, h.status(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.OUTPUT_BUFFER, 0, peer)), "no key in TempKey");
        h.data(GenKey.createInTempKey());
        assertEquals(EXECUTION_ERROR, h.status(new Ecdh(Ecdh.SOURCE_TEMPKEY, 0, peer)), "no slot policy to follow");
        assertEquals(EXECUTION_ERROR, h.status(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.COPY_SLOT, 0, peer)));
        assertEquals(SUCCESS, h.send(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.OUTPUT_BUFFER, 0, peer)).status().orElse(SUCCESS));
        ChipHarness prot = chip(0x01);   // ECDHProt = 1: encrypted output only
        prot.data(GenKey.createInTempKey());
        assertEquals(EXECUTION_ERROR, prot.status(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.OUTPUT_BUFFER, 0, peer)));
    }

    @Test
    void genKeyIntoTempKeyNeedsTheConfigLockAndDoesNotExistOn508() {
        assertEquals(EXECUTION_ERROR, new ChipHarness(Variant.ATECC608A).status(GenKey.createInTempKey()));
        ChipHarness h508 = AwsStages.locked(Variant.ATECC508A);
        assertEquals(PARSE_ERROR, h508.status(GenKey.createInTempKey()));
        assertEquals(PARSE_ERROR, h508.status(new Ecdh(Ecdh.SOURCE_TEMPKEY | Ecdh.OUTPUT_BUFFER, 0, Bytes.of(new byte[64]))));
    }
}
