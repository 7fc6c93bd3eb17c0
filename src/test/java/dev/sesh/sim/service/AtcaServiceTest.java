package dev.sesh.sim.service;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.chip.AteccChip;
import dev.sesh.sim.chip.AteccI2cTarget;
import dev.sesh.sim.chip.ChipMemory;
import dev.sesh.sim.i2c.I2cBusModel;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Files;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ATCA.* on a simulated board: the service drives the chip model only through the bus. */
class AtcaServiceTest {
    private static final Map<String, Object> ENABLED = Map.of("i2c.enable", true, "sys.atca.enable", true);
    private static final Bytes WRITE_KEY = Vectors.hex("gendig", 0, "key_value");

    private final VirtualClock clock = new VirtualClock();
    private final I2cBusModel bus0 = new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ);
    private final I2cService i2c = new I2cService(bus0, new I2cBusModel(clock, I2cBusModel.DEFAULT_FREQ_HZ));
    private final AtcaService atca = new AtcaService(i2c);
    private AteccChip chip;

    private void solder(Variant v) {
        chip = new AteccChip(ChipMemory.factoryNew(v, 7), clock, 7);
        bus0.attach(new AteccI2cTarget(chip));
    }

    private StubContext boot(Map<String, ?> config) {
        StubContext ctx = new StubContext(clock, config);
        i2c.init(ctx);
        ctx.methods = atca.init(ctx);
        return ctx;
    }

    private static String b64(Bytes b) { return Base64.getEncoder().encodeToString(b.toArray()); }

    private static Bytes field(String body, String name) {
        Matcher m = Pattern.compile("\\{\"" + name + "\": \"([A-Za-z0-9+/=]*)\"}").matcher(body);
        assertTrue(m.matches(), body);
        return Bytes.of(Base64.getDecoder().decode(m.group(1)));
    }

    @Test void notRegisteredWhileSysAtcaEnableIsFalse() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(Map.of("i2c.enable", true));
        assertTrue(ctx.methods.isEmpty());
        assertTrue(ctx.log.isEmpty());
        assertTrue(atca.chip().isEmpty());
    }

    @Test void withoutI2cTheInitFailsAsTheFirmwaresDoes() {
        solder(Variant.ATECC508A);
        StubContext ctx = new StubContext(clock, Map.of("sys.atca.enable", true));
        i2c.init(ctx);
        InitFailedException e = org.junit.jupiter.api.Assertions.assertThrows(InitFailedException.class, () -> atca.init(ctx));
        assertEquals(-32, e.code());
        assertEquals(List.of("mgos_atca.c:64 ATCA requires I2C to be enabled (i2c.enable=true)"), ctx.log);
    }

    @Test void noChipOnTheBusLeavesTheMethodsUnregistered() {
        StubContext ctx = boot(ENABLED);
        assertTrue(ctx.methods.isEmpty());
        assertEquals(List.of("mgos_atca.c:80 ATCA: Library init failed", "mgos_atca.c:135 ATCA: Chip is not available"), ctx.log);
    }

    @Test void probeLogsModelRevisionSerialLocksAndEcdhSlots() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        Bytes sn = chip.memory().serial().bytes();
        String serial = String.format("%04x%04x%02x", new BigInteger(1, sn.slice(0, 4).toArray()), new BigInteger(1, sn.slice(4, 8).toArray()), sn.get(8));
        assertEquals(List.of("mgos_atca.c:117 ATECC508A @ 0/0x60: rev 0x5000 S/N 0x" + serial + ", zone lock status: no, no; ECDH slots: 0x0c"), ctx.log);
    }

    @Test void probeRecognisesA608a() {
        solder(Variant.ATECC608A);
        StubContext ctx = boot(ENABLED);
        assertTrue(ctx.log.get(0).startsWith("mgos_atca.c:117 ATECC608A @ 0/0x60: rev 0x6002 S/N 0x123"), ctx.log.toString());
    }

    @Test void chipAtAnotherAddressIsNotFound() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(Map.of("i2c.enable", true, "sys.atca.enable", true, "sys.atca.i2c_addr", 0x61));
        assertTrue(ctx.methods.isEmpty());
        StubContext shifted = boot(Map.of("i2c.enable", true, "sys.atca.enable", true, "sys.atca.i2c_addr", 0xC0));
        assertEquals(8, shifted.methods.size());
    }

    @Test void registersTheEightMethodsInFirmwareOrder() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        assertEquals(List.of("ATCA.GetConfig", "ATCA.SetConfig", "ATCA.LockZone", "ATCA.SetKey", "ATCA.GenKey",
                "ATCA.GetPubKey", "ATCA.Sign", "ATCA.AES"), ctx.methods.stream().map(SimMethod::name).toList());
        assertEquals("{slot: %d, block: %d, ecc: %B, key: %V, wkey: %V, wkslot: %u}", ctx.methods.get(3).argsFmt());
    }

    @Test void getConfigReturnsTheWholeConfigZone() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        assertEquals(chip.memory().config(), field(ctx.call("ATCA.GetConfig", "{}"), "config"));
    }

    @Test void chipRefusalsCarryTheHostStatus() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        String digest = b64(Vectors.hex("ecc", "sign", "digest"));
        assertEquals("500 Failed to sign: 0xf4", ctx.call("ATCA.Sign", "{\"slot\":0,\"digest\":\"" + digest + "\"}"));
        assertEquals("500 Failed to lock zone 1: 0xf4", ctx.call("ATCA.LockZone", "{\"zone\":1}"));
        assertEquals("500 Failed to encrypt: 0xf2", ctx.call("ATCA.AES", "{\"slot\":5,\"mode\":0,\"data\":\"" + b64(Bytes.of(new byte[16])) + "\"}"));
        assertEquals("500 Failed to set key: 0xe2", ctx.call("ATCA.SetKey", "{\"slot\":4,\"key\":\"AAAA\"}"));
    }

    @Test void argumentErrorsUseTheFirmwareTexts() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        assertEquals("400 Expected 128 bytes, got 3", ctx.call("ATCA.SetConfig", "{\"config\":\"AAAA\"}"));
        assertEquals("403 Invalid zone", ctx.call("ATCA.LockZone", "{}"));
        assertEquals("403 Invalid zone", ctx.call("ATCA.LockZone", "{\"zone\":2}"));
        assertEquals("400 Invalid slot", ctx.call("ATCA.SetKey", "{\"slot\":16}"));
        assertEquals("400 Invalid slot", ctx.call("ATCA.GenKey", "{}"));
        assertEquals("400 Invalid slot", ctx.call("ATCA.GetPubKey", "{\"slot\":-1}"));
        assertEquals("400 Invalid slot", ctx.call("ATCA.Sign", "{\"slot\":99}"));
        assertEquals("400 Invalid slot", ctx.call("ATCA.AES", "{\"slot\":1,\"block\":-1}"));
        assertEquals("400 Expected 32 bytes, got 3", ctx.call("ATCA.Sign", "{\"slot\":0,\"digest\":\"AAAA\"}"));
        // wrong write-key length, but the firmware prints the key's length
        assertEquals("400 Expected 32 bytes, got 3", ctx.call("ATCA.SetKey", "{\"slot\":0,\"key\":\"AAAA\",\"wkey\":\"AAAA\"}"));
        String key33 = b64(Bytes.of(new byte[33]));
        assertEquals("400 Expected 32 bytes, got 33", ctx.call("ATCA.SetKey", "{\"slot\":0,\"ecc\":true,\"key\":\"" + key33 + "\"}"));
        assertEquals("400 Data must be padded to AES block (16)", ctx.call("ATCA.AES", "{\"slot\":1,\"data\":\"AAAA\"}"));
        assertEquals("400 Invalid mode", ctx.call("ATCA.AES", "{\"slot\":1,\"mode\":2,\"data\":\"" + b64(Bytes.of(new byte[16])) + "\"}"));
        assertEquals("{\"data\": \"\"}", ctx.call("ATCA.AES", "{\"slot\":1,\"mode\":2}"));
    }

    @Test void awsProvisioningFlowEndsWithAVerifiableSignature() throws Exception {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        Bytes config = Bytes.ofHex(Files.readString(Vectors.referenceDir().resolve("atca-aws-test.hex")));
        assertEquals("null", ctx.call("ATCA.SetConfig", "{\"config\":\"" + b64(config) + "\"}"));
        assertEquals("null", ctx.call("ATCA.LockZone", "{\"zone\":0}"));
        assertEquals("500 Failed to lock zone 0: 0xf4", ctx.call("ATCA.LockZone", "{\"zone\":0}"));
        assertEquals("null", ctx.call("ATCA.SetKey", "{\"slot\":4,\"key\":\"" + b64(WRITE_KEY) + "\"}"));
        assertEquals("null", ctx.call("ATCA.LockZone", "{\"zone\":1}"));
        Bytes d = Vectors.hex("ecc", "private_key");
        assertEquals("null", ctx.call("ATCA.SetKey", "{\"ecc\":true,\"slot\":0,\"key\":\"" + b64(d) + "\",\"wkey\":\"" + b64(WRITE_KEY) + "\",\"wkslot\":4}"));
        Bytes pub = field(ctx.call("ATCA.GetPubKey", "{\"slot\":0}"), "pubkey");
        assertEquals(Vectors.hex("ecc", "public_key_xy"), pub);
        Bytes digest = Vectors.hex("ecc", "sign", "digest");
        Bytes rs = field(ctx.call("ATCA.Sign", "{\"slot\":0,\"digest\":\"" + b64(digest) + "\"}"), "signature");
        assertTrue(verifies(pub, digest, rs));
        Bytes slot8 = Vectors.hex("encrypted_write", 1, "plaintext");
        assertEquals("null", ctx.call("ATCA.SetKey", "{\"slot\":8,\"key\":\"" + b64(slot8) + "\",\"wkey\":\"" + b64(WRITE_KEY) + "\",\"wkslot\":4}"));
        assertEquals(slot8, chip.memory().slot(8).slice(0, 32));
        Bytes gen = field(ctx.call("ATCA.GenKey", "{\"slot\":2}"), "pubkey");
        assertEquals(64, gen.length());
        assertTrue(boot(ENABLED).log.get(0).contains("zone lock status: yes, yes"));
    }

    @Test void bootLineShowsConfigAndDataLocksSeparately() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        assertEquals("null", ctx.call("ATCA.LockZone", "{\"zone\":0}"));
        assertTrue(boot(ENABLED).log.get(0).contains("zone lock status: yes, no"), "config locked, data open");
    }

    @Test void aesWithoutModeEncryptsAsTheFirmwareDefaults() {
        solder(Variant.ATECC508A);
        StubContext ctx = boot(ENABLED);
        String r = ctx.call("ATCA.AES", "{\"slot\":1,\"data\":\"" + b64(Bytes.of(new byte[16])) + "\"}");
        assertTrue(r.startsWith("500 Failed to encrypt"), r);
    }

    @Test void signOnA608aVerifiesToo() throws Exception {
        solder(Variant.ATECC608A);
        StubContext ctx = boot(ENABLED);
        Bytes config = Bytes.ofHex(Files.readString(Vectors.referenceDir().resolve("atca-aws-test.hex")));
        ctx.call("ATCA.SetConfig", "{\"config\":\"" + b64(config) + "\"}");
        ctx.call("ATCA.LockZone", "{\"zone\":0}");
        ctx.call("ATCA.LockZone", "{\"zone\":1}");
        Bytes pub = field(ctx.call("ATCA.GenKey", "{\"slot\":0}"), "pubkey");
        Bytes digest = Vectors.hex("ecc", "sign", "digest");
        assertTrue(verifies(pub, digest, field(ctx.call("ATCA.Sign", "{\"slot\":0,\"digest\":\"" + b64(digest) + "\"}"), "signature")));
    }

    static boolean verifies(Bytes xy, Bytes digest, Bytes rs) throws Exception {
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec("secp256r1"));
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, xy.slice(0, 32).toArray()), new BigInteger(1, xy.slice(32, 64).toArray())),
                ap.getParameterSpec(ECParameterSpec.class)));
        Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
        s.initVerify(pub);
        s.update(digest.toArray());
        return s.verify(rs.toArray());
    }
}
