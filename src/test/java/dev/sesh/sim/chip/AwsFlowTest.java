package dev.sesh.sim.chip;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.Random;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Crc16;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AWS provisioning flow of reference/atecc.md 10 at chip level: SetConfig as the firmware sends it,
 * config lock with CRC, data lock, clear write of the write key into slot 4, encrypted PrivWrite of
 * slot 0 with key 4; then Sign by slot 0 verifies with the imported key's public key.
 */
class AwsFlowTest {
    static final Bytes WRITE_KEY = Vectors.hex("gendig", 0, "key_value");
    static final Bytes PRIVATE_KEY = Vectors.hex("ecc", "private_key");
    static final Bytes PUBLIC_KEY = Vectors.hex("ecc", "public_key_xy");

    /** Runs steps 3-7 on a factory-new chip and returns the harness. */
    static ChipHarness provisioned(Variant v) {
        ChipHarness h = new ChipHarness(v);
        Bytes own = h.config().slice(0, 16);
        for (JsonNode c : Vectors.at("setconfig_sequence_aws_test", "commands"))
            h.ok(dev.sesh.atca.command.ChipCommand.parse(CommandPacket.decode(Bytes.ofHex(c.get("command_packet").asText())), v));
        Bytes expected = own.concat(Vectors.hex("config_zone", "chip_image_after_setconfig").slice(16, 128));
        assertEquals(expected, h.config(), "config after SetConfig: own bytes 0-15, YAML bytes elsewhere, 84-87 00 00 55 55");
        h.ok(Lock.config(Crc16.of(h.config())));
        h.ok(Lock.dataNoCrc());
        h.ok(dev.sesh.atca.command.Write.clear(dev.sesh.atca.command.Address.data(4, 0, 0), WRITE_KEY));
        SerialNumber sn = h.serial();
        Bytes numIn = Bytes.of(new byte[20]);
        Bytes randOut = h.data(Nonce.random(true, numIn));
        Bytes tk1 = TempKeyMath.nonce(randOut, numIn, 0, 0);
        h.ok(GenDig.ofSlot(4));
        Bytes tk2 = TempKeyMath.genDig(WRITE_KEY, 2, 4, Optional.empty(), sn, tk1);
        h.ok(EncryptedWrites.privWrite(0, PRIVATE_KEY, tk2, sn));
        return h;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void awsFlowLeavesDocumentedConfigAndImportedKey(Variant v) {
        ChipHarness h = provisioned(v);
        Bytes cfg = h.config();
        Bytes afterDataLock = Vectors.hex("config_zone", "chip_image_after_data_lock");
        assertEquals(afterDataLock.slice(16, 128), cfg.slice(16, 128), "bytes 86-87 = 00 00, the rest as configured");
        assertEquals(PUBLIC_KEY, h.data(GenKey.publicKey(0)), "ATCA.GetPubKey {slot:0} returns the imported key's public key");
    }

    @Test
    void signBySlot0On508aVerifiesWithImportedPublicKey() throws Exception {
        ChipHarness h = provisioned(Variant.ATECC508A);
        Bytes digest = Vectors.hex("ecc", "sign", "digest");
        h.data(new Random(0));
        h.ok(Nonce.passThrough(digest));
        Bytes rs = h.data(Sign.external(0));
        assertTrue(verifies(PUBLIC_KEY, digest, rs));
        assertFalse(h.chip.tempKey().valid(), "Sign consumes TempKey");
    }

    @Test
    void signBySlot0On608aUsesMessageDigestBuffer() throws Exception {
        ChipHarness h = provisioned(Variant.ATECC608A);
        Bytes digest = Vectors.hex("ecc", "sign", "digest");
        h.ok(Nonce.passThroughTo(Nonce.TARGET_MSG_DIGEST, digest));
        Bytes rs = h.data(new Sign(Sign.EXTERNAL_MSGDIGBUF, 0));
        assertTrue(verifies(PUBLIC_KEY, digest, rs));
    }

    @Test
    void vectorSignatureVerifiesWithJdkToo() throws Exception {
        assertTrue(verifies(PUBLIC_KEY, Vectors.hex("ecc", "sign", "digest"), Vectors.hex("ecc", "sign", "signature_rs")));
    }

    @Test
    void configLockCrcOfTheDocChipImageIsTheVector() {
        Bytes image = Vectors.hex("config_zone", "chip_image_after_setconfig");
        ChipHarness h = new ChipHarness(ChipMemory.withConfig(Variant.ATECC508A, image));
        CommandPacket lock = CommandPacket.decode(Vectors.hex("config_zone", "chip_image_lock_config_packet"));
        assertEquals(0x00, h.send(lock).payload().get(0));
        assertEquals(Vectors.hex("config_zone", "chip_image_after_config_lock"), h.config());
    }

    static boolean verifies(Bytes xy, Bytes digest, Bytes rs) throws Exception {
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = ap.getParameterSpec(ECParameterSpec.class);
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, xy.slice(0, 32).toArray()), new BigInteger(1, xy.slice(32, 64).toArray())), spec));
        Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
        s.initVerify(pub);
        s.update(digest.toArray());
        return s.verify(rs.toArray());
    }
}
