package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Info;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.SelfTest;
import dev.sesh.atca.command.Sha;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.Verify;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The issue #17 items on the chip variant the other tests do not cover: what the 608-only features
 * answer on a 508A (an unknown mode or opcode is a parse error, reference/atecc.md 3.1), and the
 * wake-while-awake answer on both variants. Each test runs on both chips.
 */
class VariantParityTest {
    static final Bytes DIGEST = SiliconParityTest.fill(32, 0x5A);

    // Wake while awake: cryptoauthlib's teardown wakes an awake chip and expects the wake answer 04 11 33 43.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void wakeWhileAwakeAnswersTheWakeStatus(Variant v) {
        ChipHarness h = new ChipHarness(v);
        h.wake();
        h.sendAwake(Info.revision().toPacket());
        h.bus.write(0, new byte[0]);
        assertEquals(Bytes.ofHex("04113343"), Bytes.of(h.bus.read(0x60, 4).orElseThrow()));
        assertEquals(AteccChip.PowerState.AWAKE, h.chip.state());
    }

    // selftest_all: 0x3B (SELFTEST_MODE_ALL) and bit 0x02 alone pass on the 608; the 508 has no SelfTest opcode.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void selfTestAllAndBit2(Variant v) {
        ChipHarness h = new ChipHarness(v);
        for (int mode : new int[] {0x3B, 0x02}) assertEquals(v.is608() ? SUCCESS : PARSE_ERROR, h.status(new SelfTest(mode)), v + " mode " + mode);
    }

    // volatile_key_permit: the latch (Info mode 4) exists on the 608 only.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void persistentLatchInfoModeExistsOn608Only(Variant v) {
        ChipHarness h = new ChipHarness(v);
        if (v.is608()) assertEquals(Bytes.ofHex("00000000"), h.data(new Info(Info.VOL_KEY_PERMIT, 0)));
        else assertEquals(PARSE_ERROR, h.status(new Info(Info.VOL_KEY_PERMIT, 0)));
    }

    // SHA context save/restore (modes 6 and 7): 608 only.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void shaContextReadIsAParseErrorOn508(Variant v) {
        ChipHarness h = new ChipHarness(v);
        h.ok(new Sha(Sha.START, 0, Bytes.EMPTY));
        if (v.is608()) assertTrue(h.data(new Sha(Sha.READ_CONTEXT, 0, Bytes.EMPTY)).length() > 0);
        else assertEquals(PARSE_ERROR, h.status(new Sha(Sha.READ_CONTEXT, 0, Bytes.EMPTY)));
    }

    // Verify with MAC output (mode bit 7) and ECDH with encrypted output (mode bit 1): 608 only.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void verifyMacAndEncryptedEcdhModesAreParseErrorsOn508(Variant v) {
        ChipHarness h = AwsStages.locked(v);
        Bytes pub = h.data(GenKey.create(0));
        h.ok(Nonce.passThrough(DIGEST));
        Bytes sig = h.data(Sign.external(0));
        h.ok(Nonce.passThrough(DIGEST));
        assertEquals(SUCCESS, h.status(Verify.external(sig, pub)), "plain external Verify works on both");
        h.ok(Nonce.passThrough(DIGEST));
        var verifyMac = new Verify(Verify.EXTERNAL | 0x80, 4, sig, pub, Bytes.EMPTY);
        if (!v.is608()) assertEquals(PARSE_ERROR, h.status(verifyMac));
        else assertEquals(EXECUTION_ERROR, h.status(verifyMac), "608: needs the system nonce in the message digest buffer");
        var encEcdh = new Ecdh(Ecdh.OUTPUT_BUFFER | Ecdh.OUTPUT_ENC, 0, pub);
        if (!v.is608()) assertEquals(PARSE_ERROR, h.status(encEcdh));
        else assertEquals(EXECUTION_ERROR, h.status(encEcdh), "608: this config has no IO protection key enabled");
    }

    // KDF, AES (GFM) and SecureBoot opcodes do not exist on the 508.
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A"})
    void the608OnlyOpcodesAreParseErrorsOn508(Variant v) {
        ChipHarness h = AwsStages.locked(v);
        for (Opcode op : new Opcode[] {Opcode.KDF, Opcode.AES, Opcode.SECURE_BOOT, Opcode.SELF_TEST}) {
            assertEquals(PARSE_ERROR, h.send(new CommandPacket(op, 0, 0, Bytes.of(new byte[op == Opcode.AES ? 16 : 0]))).status().orElseThrow(), op.name());
        }
    }
}
