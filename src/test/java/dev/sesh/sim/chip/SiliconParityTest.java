package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Aes;
import dev.sesh.atca.command.CheckMac;
import dev.sesh.atca.command.Counter;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Info;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.Sha;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Where the model follows what Microchip's cryptoauthlib test suite expects of silicon
 * (reference/atecc.md 12a; docs/simulator.md fidelity table). Vectors: chip/silicon-vectors.json.
 */
class SiliconParityTest {
    static final JsonNode V = load();
    static final Bytes HMAC_KEY = hex("sha_hmac", "key");

    static JsonNode load() {
        try {
            return new ObjectMapper().readTree(Files.readString(Path.of("src/test/resources/chip/silicon-vectors.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Bytes hex(String... path) {
        JsonNode n = V;
        for (String p : path) n = n.get(p);
        return Bytes.ofHex(n.asText());
    }

    static Bytes le32(int v) { return Bytes.ofInts(v, v >> 8, v >> 16, v >> 24); }

    static Bytes fill(int len, int b) {
        byte[] x = new byte[len];
        java.util.Arrays.fill(x, (byte) b);
        return Bytes.of(x);
    }

    // counter_write_test: Counter reads, with the config zone open, whatever was written to bytes 60-67.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void counterReadsConfigBytesWrittenBeforeTheConfigLock(Variant v) {
        ChipHarness h = new ChipHarness(v);
        for (int value : new int[] {0, 1048575, 2097151, 31, 32}) {
            Bytes enc = hex("counter_config_bytes", Integer.toString(value));
            h.ok(Write.clear(Address.configByte(60), enc.slice(0, 4)));
            h.ok(Write.clear(Address.configByte(64), enc.slice(4, 8)));
            assertEquals(le32(value), h.data(new Counter(0, 1)), "counter 1 = " + value);
        }
        assertEquals(le32(33), h.data(new Counter(1, 1)), "increment works unlocked too");
        assertEquals(hex("counter_config_bytes", "33"), h.mem.config().slice(60, 68));
    }

    // write_enc_data_unlock: GenDig of the write key and an encrypted Write work before the data lock; CheckMac checks it.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void encryptedWriteAndCheckMacBeforeTheDataLock(Variant v) {
        ChipHarness h = AwsStages.configLocked(v);
        h.ok(Write.clear(Address.data(4, 0, 0), AwsStages.WRITE_KEY));
        Bytes tk = AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
        Bytes secret = fill(32, 0x5A);
        h.ok(EncryptedWrites.write(Address.data(8, 0, 0), secret, tk, h.mem.serial()));
        assertEquals(secret, h.mem.slot(8).slice(0, 32));
        assertFalse(h.mem.dataLocked());

        Bytes challenge = fill(32, 0x10);
        Bytes other = Bytes.of(new byte[13]);
        Bytes resp = MacMath.checkMac(secret, challenge, 0, other, h.mem.otp(), h.mem.serial());
        assertEquals(SUCCESS, h.status(new CheckMac(0, 8, challenge, resp, other)), h.chip.lastRefusal());
    }

    // write_invalid_block_len: a 32-byte Write at word 1 of slot 10's last block writes the 4 bytes that fit.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void writeOf32BytesPastTheSlotEndWritesWhatFits(Variant v) {
        ChipHarness h = AwsStages.configLocked(v);
        assertEquals(EXECUTION_ERROR, h.status(Write.clear(Address.data(10, 0, 0), fill(4, 0xAA))), "4-byte data writes before the data lock");
        h.ok(Write.clear(Address.data(10, 2, 1), fill(32, 0xAB)));
        assertEquals(fill(4, 0xFF).concat(fill(4, 0xAB)), h.mem.slot(10).slice(64, 72));
        assertEquals(fill(64, 0xFF), h.mem.slot(10).slice(0, 64));
        assertEquals(PARSE_ERROR, h.status(Write.clear(Address.data(10, 0, 1), fill(32, 0xAB))), "inside the slot a 32-byte write still needs word 0");
    }

    // counter_match: a LimitedUse key is tied to counter 0; each use counts, and uses stop at the CountMatch value.
    @Test
    void limitedUseKeyCountsOnCounterZeroUpToCountMatch() {
        ChipHarness h = AwsStages.configured(Variant.ATECC608A);
        h.mem.setConfigByte(20, h.mem.configByte(20) | 0x20);   // slot 0 LimitedUse
        h.mem.setConfigByte(18, 0xA1);                            // CountMatch enabled, match value in slot 10
        h.ok(Lock.configNoCrc());
        h.ok(Lock.dataNoCrc());
        for (int i = 0; i < 31; i++) h.data(new Counter(1, 0));
        h.ok(Write.clear(Address.data(10, 0, 0), le32(32).concat(le32(32)).concat(Bytes.of(new byte[24]))));
        h.data(GenKey.create(0));

        h.ok(Nonce.passThrough(fill(32, 1)));
        assertEquals(64, h.data(Sign.external(0)).length());
        assertEquals(le32(32), h.data(new Counter(0, 0)), "the use counted");
        h.ok(Nonce.passThrough(fill(32, 1)));
        assertEquals(EXECUTION_ERROR, h.status(Sign.external(0)), "counter 0 reached CountMatch");
        assertEquals(le32(32), h.data(new Counter(0, 0)), "a refused use does not count");
        h.ok(Write.clear(Address.data(10, 0, 0), le32(64).concat(le32(64)).concat(Bytes.of(new byte[24]))));
        h.ok(Nonce.passThrough(fill(32, 1)));
        assertEquals(64, h.data(Sign.external(0)).length(), "a higher match value frees the key again");
    }

    @Test
    void keyWithoutLimitedUseDoesNotCount() {
        ChipHarness h = AwsFlowTest.provisioned(Variant.ATECC608A);
        h.ok(Nonce.passThrough(fill(32, 1)));
        h.data(Sign.external(0));
        assertEquals(le32(0), h.data(new Counter(0, 0)));
    }

    // sha_hmac_tempkey: HMAC keyed by TempKey (key id 0xFFFF); the digest is answered and also left in TempKey.
    @Test
    void shaHmacWithTheKeyInTempKey() {
        ChipHarness h = AwsStages.locked(Variant.ATECC608A);
        h.ok(Nonce.passThrough(HMAC_KEY));
        Bytes msg = hex("sha_hmac", "message");
        h.ok(new Sha(Sha.HMAC_START, Sha.TEMPKEY_KEY, Bytes.EMPTY));
        h.ok(new Sha(Sha.UPDATE, 64, msg.slice(0, 64)));
        Bytes out = h.data(new Sha(Sha.END | Sha.TARGET_TEMPKEY, 1, msg.slice(64, 65)));
        assertEquals(hex("sha_hmac", "hmac"), out);
        assertEquals(hex("sha_hmac", "hmac"), h.chip.tempKey().first32());
    }

    // sha_hmac_msg_dig_buf: HMAC with a slot key, digest to the message digest buffer (and answered).
    @Test
    void shaHmacWithASlotKeyToTheMessageDigestBuffer() {
        ChipHarness h = AwsStages.locked(Variant.ATECC608A);
        h.ok(Write.clear(Address.data(4, 0, 0), HMAC_KEY));
        Bytes msg = hex("sha_hmac", "message");
        h.ok(new Sha(Sha.HMAC_START, 4, Bytes.EMPTY));
        h.ok(new Sha(Sha.UPDATE, 64, msg.slice(0, 64)));
        assertEquals(hex("sha_hmac", "hmac"), h.data(new Sha(Sha.END | Sha.TARGET_MSGDIGBUF, 1, msg.slice(64, 65))));
        assertEquals(hex("sha_hmac", "hmac"), h.chip.messageDigestBuffer().orElseThrow());
    }

    @Test
    void shaHmacWithTempKeyDoesNotExistOn508() {
        assertEquals(PARSE_ERROR, AwsStages.locked(Variant.ATECC508A).status(new Sha(Sha.HMAC_START, Sha.TEMPKEY_KEY, Bytes.EMPTY)));
    }

    // sha_context: the 608 context read after 5 bytes, restored later, finishes the same hash.
    @Test
    void shaContextReadAndWriteRoundTrip() {
        ChipHarness h = new ChipHarness(Variant.ATECC608A);
        Bytes five = hex("sha_context", "update");
        h.ok(new Sha(Sha.START, 0, Bytes.EMPTY));
        h.ok(new Sha(Sha.UPDATE, 5, five));
        Bytes ctx = h.data(new Sha(Sha.READ_CONTEXT, 0, Bytes.EMPTY));
        assertEquals(hex("sha_context", "context_after_update"), ctx);
        h.ok(new Sha(Sha.UPDATE, 5, five));
        Bytes d1 = h.data(new Sha(Sha.END | Sha.TARGET_OUT_ONLY, 0, Bytes.EMPTY));
        assertEquals(hex("sha_context", "digest_of_update_twice"), d1);

        h.ok(new Sha(Sha.START, 0, Bytes.EMPTY));
        for (int i = 0; i < 3; i++) h.ok(new Sha(Sha.UPDATE, 64, fill(64, 0x5A)));
        h.data(new Sha(Sha.END | Sha.TARGET_OUT_ONLY, 0, Bytes.EMPTY));
        h.ok(new Sha(Sha.WRITE_CONTEXT, ctx.length(), ctx));
        h.ok(new Sha(Sha.UPDATE, 5, five));
        assertEquals(d1, h.data(new Sha(Sha.END | Sha.TARGET_OUT_ONLY, 0, Bytes.EMPTY)));
        assertEquals(EXECUTION_ERROR, h.status(new Sha(Sha.WRITE_CONTEXT, 37, ctx.slice(0, 37))), "count says 5 pending bytes, 1 given");
        assertEquals(PARSE_ERROR, new ChipHarness(Variant.ATECC508A).status(new Sha(Sha.READ_CONTEXT, 0, Bytes.EMPTY)));
    }

    // volatile_key_permit: a PersistentDisable AES key answers 0x0F until the latch is set, which needs CheckMac first.
    @Test
    void persistentDisableKeyNeedsTheLatch() throws Exception {
        ChipHarness h = AwsStages.configured(Variant.ATECC608A);
        h.mem.setConfigByte(69, 0x84);                 // VolatileKeyPermission: enabled, slot 4
        h.mem.setConfigByte(106, 0x18);                // slot 5 KeyConfig: AES key ...
        h.mem.setConfigByte(107, 0x10);                // ... with PersistentDisable (bit 12)
        h.ok(Lock.configNoCrc());
        Bytes aesKey = fill(32, 0x2B);
        h.ok(Write.clear(Address.data(5, 0, 0), aesKey));
        h.ok(Lock.dataNoCrc());
        h.ok(Write.clear(Address.data(4, 0, 0), AwsStages.WRITE_KEY));
        Bytes block = fill(16, 7);

        assertEquals(EXECUTION_ERROR, h.status(Aes.encrypt(5, 0, block)), "latch not set");
        assertEquals(EXECUTION_ERROR, h.status(new Info(Info.VOL_KEY_PERMIT, 3)), "setting the latch needs CheckMac with slot 4");
        assertEquals(Bytes.ofHex("00000000"), h.data(new Info(Info.VOL_KEY_PERMIT, 0)));

        Bytes challenge = fill(32, 0x33);
        Bytes other = Bytes.of(new byte[13]);
        h.ok(new CheckMac(0, 4, challenge, MacMath.checkMac(AwsStages.WRITE_KEY, challenge, 0, other, h.mem.otp(), h.mem.serial()), other));
        assertEquals(Bytes.ofHex("01000000"), h.data(new Info(Info.VOL_KEY_PERMIT, 3)));
        h.bus.write(0x60, new byte[] {1});  // sleep: the latch is persistent, only power-up clears it
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey.slice(0, 16).toArray(), "AES"));
        assertEquals(Bytes.of(c.doFinal(block.toArray())), h.data(Aes.encrypt(5, 0, block)));
    }
}
