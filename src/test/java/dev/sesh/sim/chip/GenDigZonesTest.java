package dev.sesh.sim.chip;

import static dev.sesh.atca.packet.StatusCode.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sesh.atca.command.Counter;
import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.Mac;
import dev.sesh.atca.host.Digests;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * 608 GenDig zones 3-5 (shared nonce, counter, key config), as cryptoauthlib's gendig tests use them:
 * the TempKey they leave must match the host's, which the tests here assemble byte by byte.
 */
class GenDigZonesTest {
    static final Bytes NONCE = Bytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    /** The 96-byte GenDig input: first 32 || 15 zone id_lo id_hi || SN[8] SN[0] SN[1] || middle 25 || last 32. */
    static Bytes digest(Bytes first, int zone, int idLo, int idHi, SerialNumber sn, Bytes middle25, Bytes last) {
        byte[] m = new byte[96];
        System.arraycopy(first.toArray(), 0, m, 0, 32);
        m[32] = 0x15;
        m[33] = (byte) zone;
        m[34] = (byte) idLo;
        m[35] = (byte) idHi;
        m[36] = (byte) sn.sn(8);
        m[37] = (byte) sn.sn(0);
        m[38] = (byte) sn.sn(1);
        System.arraycopy(middle25.toArray(), 0, m, 39, 25);
        System.arraycopy(last.toArray(), 0, m, 64, 32);
        return Digests.sha256(Bytes.of(m));
    }

    static Bytes zeros(int n) { return Bytes.of(new byte[n]); }

    static Bytes startTempKey(ChipHarness h) {
        return AwsStages.genDig(h, 4, AwsStages.WRITE_KEY);
    }

    @Test
    void sharedNonceWithTheNonceFirstOrLast() {
        for (int keyId : new int[] {0x0004, 0x8004}) {
            ChipHarness h = AwsStages.locked(Variant.ATECC608A);
            Bytes tk = startTempKey(h);
            h.ok(new GenDig(GenDig.SHARED_NONCE, keyId, NONCE));
            boolean tkFirst = keyId == 0x8004;
            assertEquals(digest(tkFirst ? tk : NONCE, 3, 4, 0, h.mem.serial(), zeros(25), tkFirst ? NONCE : tk), h.chip.tempKey().value());
            TempKey now = h.chip.tempKey();
            assertTrue(now.valid() && !now.genDigData() && now.keyId() == 0);
        }
    }

    @Test
    void counterZoneCarriesTheCounterValue() {
        ChipHarness h = AwsStages.locked(Variant.ATECC608A);
        for (int i = 0; i < 5; i++) h.data(new Counter(1, 1));
        Bytes tk = startTempKey(h);
        h.ok(new GenDig(GenDig.COUNTER, 1, Bytes.EMPTY));
        Bytes middle = Bytes.ofInts(0, 5, 0, 0, 0).concat(zeros(20));
        assertEquals(digest(zeros(32), 4, 1, 0, h.mem.serial(), middle, tk), h.chip.tempKey().value());
    }

    @Test
    void keyConfigZoneCarriesSlotAndKeyConfigAndLockBit() {
        ChipHarness h = AwsStages.locked(Variant.ATECC608A);
        Bytes tk = startTempKey(h);
        h.ok(new GenDig(GenDig.KEY_CONFIG, 4, Bytes.EMPTY));
        int sc = h.mem.slotConfig(4), kc = h.mem.keyConfig(4);
        Bytes middle = Bytes.ofInts(0, sc, sc >> 8, kc, kc >> 8, h.mem.slotLocked(4) ? 0 : 1).concat(zeros(19));
        Bytes expected = digest(zeros(32), 5, 4, 0, h.mem.serial(), middle, tk);
        assertEquals(expected, h.chip.tempKey().value());
        // and the MAC the test suite checks with: slot key first, TempKey second
        Bytes mac = h.data(new Mac(0x41, 4, Bytes.EMPTY));
        assertEquals(MacMath.mac(AwsStages.WRITE_KEY, expected, 0x41, 4, h.mem.otp(), h.mem.serial()), mac);
    }

    @Test
    void zonesThreeToFiveAreParseErrorsOn508AndMalformedOnes608() {
        ChipHarness h = AwsStages.locked(Variant.ATECC508A);
        startTempKey(h);
        assertEquals(PARSE_ERROR, h.status(new GenDig(GenDig.SHARED_NONCE, 4, NONCE)));
        ChipHarness h6 = AwsStages.locked(Variant.ATECC608A);
        assertEquals(PARSE_ERROR, h6.status(new GenDig(GenDig.SHARED_NONCE, 4, zeros(4))), "a shared nonce is 32 bytes");
        assertEquals(PARSE_ERROR, h6.status(new GenDig(GenDig.COUNTER, 2, Bytes.EMPTY)), "counters 0 and 1 only");
        assertEquals(PARSE_ERROR, h6.status(new GenDig(6, 0, Bytes.EMPTY)));
    }
}
