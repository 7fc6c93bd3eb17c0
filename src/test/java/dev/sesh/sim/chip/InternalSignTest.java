package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.Verify;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.host.Digests;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sign of an internal message and Verify validate/invalidate (reference/atecc.md 8.2, 8.3, 12a),
 * as cryptoauthlib's sign_internal_ecc, verify_validate and verify_invalidate tests use them. The
 * expected messages are assembled here byte by byte from the documented layout.
 */
class InternalSignTest {
    static final Bytes ZERO32 = Bytes.of(new byte[32]);

    /** 55-byte message of the documented layout; {@code fields} = bytes 33-42 and 44-47, 50-54 as the 19 OtherData bytes. */
    static Bytes message(Bytes tempKey, Bytes fields19, SerialNumber sn) {
        byte[] m = new byte[55];
        System.arraycopy(tempKey.toArray(), 0, m, 0, 32);
        m[32] = 0x41;
        for (int i = 0; i < 10; i++) m[33 + i] = (byte) fields19.get(i);
        m[43] = (byte) sn.sn(8);
        for (int i = 0; i < 4; i++) m[44 + i] = (byte) fields19.get(10 + i);
        m[48] = (byte) sn.sn(0);
        m[49] = (byte) sn.sn(1);
        for (int i = 0; i < 5; i++) m[50 + i] = (byte) fields19.get(14 + i);
        return Bytes.of(m);
    }

    static boolean verifies(Bytes pub, Bytes digest, Bytes sig) { return Ecc.verify(Ecc.point(pub).orElseThrow(), digest, sig); }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void internalSignOfAGenDigDigest(Variant v) {
        for (int mode : new int[] {0x40, 0x00}) {
            ChipHarness h = AwsStages.locked(v);
            Bytes pub = h.data(GenKey.create(0));
            Bytes tk = AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
            Bytes sig = h.data(new Sign(mode, 0));
            SerialNumber sn = h.mem.serial();
            int sc = h.mem.slotConfig(4), kc = h.mem.keyConfig(4);
            boolean full = mode == 0x40;
            Bytes fields = Bytes.ofInts(mode, 0, 0, sc, sc >> 8, kc, kc >> 8, 0x24, 0, 0)
                    .concat(full ? Bytes.ofInts(sn.sn(4), sn.sn(5), sn.sn(6), sn.sn(7)) : Bytes.of(new byte[4]))
                    .concat(full ? Bytes.ofInts(sn.sn(2), sn.sn(3)) : Bytes.of(new byte[2]))
                    .concat(Bytes.ofInts(h.mem.slotLocked(4) ? 0 : 1, 0, 0));
            assertTrue(verifies(pub, Digests.sha256(message(tk, fields, sn)), sig), "mode " + mode);
            assertFalse(h.chip.tempKey().valid(), "Sign uses TempKey up");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void internalSignNeedsIntSign(Variant v) {
        ChipHarness h = AwsStages.locked(v);
        h.data(GenKey.create(0));
        h.mem.setConfigByte(20, h.mem.configByte(20) & ~0x02);
        AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
        assertEquals(EXECUTION_ERROR, h.status(new Sign(0x00, 0)));
    }

    /** Config as cryptoauthlib's validated-key tests assume: slot 14 a PubInfo key whose ReadKey names parent slot 15. */
    static ChipHarness validationChip(Variant v) {
        ChipHarness h = AwsStages.configured(v);
        int[][] cfg = {{14, 0x000F, 0x0032}, {15, 0x000F, 0x0030}};
        for (int[] c : cfg) {
            h.mem.setConfigByte(20 + 2 * c[0], c[1] & 0xff);
            h.mem.setConfigByte(21 + 2 * c[0], c[1] >> 8);
            h.mem.setConfigByte(96 + 2 * c[0], c[2] & 0xff);
            h.mem.setConfigByte(97 + 2 * c[0], c[2] >> 8);
        }
        h.ok(Lock.configNoCrc());
        h.ok(Lock.dataNoCrc());
        return h;
    }

    /** Writes X || Y in the stored public-key format (4 pad, X, 4 pad, Y) with three 32-byte writes. */
    static void writePublicKey(ChipHarness h, int slot, Bytes xy) {
        Bytes stored = Bytes.of(new byte[4]).concat(xy.slice(0, 32)).concat(Bytes.of(new byte[4])).concat(xy.slice(32, 64)).concat(Bytes.of(new byte[24]));
        for (int b = 0; b < 3; b++) h.ok(Write.clear(Address.data(slot, b, 0), stored.slice(32 * b, 32 * b + 32)));
    }

    static Bytes signOnChip(ChipHarness h, int slot, Bytes digest) {
        h.ok(Nonce.passThrough(digest));
        return h.data(Sign.external(slot));
    }

    /** The authority's signature over the (in)validation message for the key {@code pub} in slot 14. */
    static Bytes authority(ChipHarness h, Bytes pub, Bytes otherData) {
        Bytes tk = TempKeyMath.genKeyDigest(ZERO32, GenKey.PUB_DIGEST, 14, Optional.of(Bytes.of(new byte[3])), h.mem.serial(), pub);
        return signOnChip(h, 2, Digests.sha256(message(tk, otherData, h.mem.serial())));
    }

    static void digestOfSlot14(ChipHarness h) {
        h.ok(Nonce.passThrough(ZERO32));
        h.ok(new GenKey(GenKey.PUB_DIGEST, 14, Bytes.of(new byte[3])));
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void writeInvalidatesThenVerifyValidatesAndInvalidates(Variant v) {
        ChipHarness h = validationChip(v);
        writePublicKey(h, 15, h.data(GenKey.create(2)));
        Bytes pub = h.data(GenKey.create(0));
        Bytes testDigest = Digests.sha256(Bytes.ofInts(1, 2, 3));
        Bytes testSig = signOnChip(h, 0, testDigest);

        writePublicKey(h, 14, pub);
        assertEquals(0xA, h.mem.slot(14).get(0) >> 4, "writing a PubInfo key slot marks it invalid");
        h.ok(Nonce.passThrough(testDigest));
        assertEquals(EXECUTION_ERROR, h.status(Verify.stored(14, testSig)), "an invalid key does not verify");

        Bytes other = Bytes.ofInts(0, 0, 0, 0, 0, 0, 0, 0x4E, 0, 0).concat(Bytes.of(new byte[9]));
        Bytes sig = authority(h, pub, other);
        digestOfSlot14(h);
        Bytes tampered = other.slice(0, 18).concat(Bytes.ofInts(1));
        assertEquals(MISCOMPARE, h.status(Verify.validate(14, sig, tampered, false)));
        assertEquals(0xA, h.mem.slot(14).get(0) >> 4);
        digestOfSlot14(h);
        assertEquals(SUCCESS, h.status(Verify.validate(14, sig, other, false)), h.chip.lastRefusal());
        assertEquals(0x5, h.mem.slot(14).get(0) >> 4, "validated");
        h.ok(Nonce.passThrough(testDigest));
        assertEquals(SUCCESS, h.status(Verify.stored(14, testSig)));

        Bytes inval = other.slice(0, 15).concat(Bytes.ofInts(1)).concat(other.slice(16, 19));
        Bytes isig = authority(h, pub, inval);
        digestOfSlot14(h);
        assertEquals(SUCCESS, h.status(Verify.validate(14, isig, inval, true)));
        assertEquals(0xA, h.mem.slot(14).get(0) >> 4, "invalidated");
        h.ok(Nonce.passThrough(testDigest));
        assertEquals(EXECUTION_ERROR, h.status(Verify.stored(14, testSig)));
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ATECC508A", "ATECC608A"})
    void validateNeedsTheGenKeyDigestOfThatSlot(Variant v) {
        ChipHarness h = validationChip(v);
        h.ok(Nonce.passThrough(ZERO32));
        assertEquals(EXECUTION_ERROR, h.status(Verify.validate(14, Bytes.of(new byte[64]), Bytes.of(new byte[19]), false)));
        assertEquals(EXECUTION_ERROR, h.status(Verify.validate(15, Bytes.of(new byte[64]), Bytes.of(new byte[19]), false)), "slot 15 has no PubInfo");
    }
}
