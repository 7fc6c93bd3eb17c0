package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.testing.SimI2cBoard;
import dev.sesh.testing.Vectors;
import dev.sesh.x509.P256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key import, GenKey, public keys and signing against the simulated chip, on both back ends (issue 7, atecc.md 7, 8, 10). */
class AteccKeysTest {
    static final SecretBytes D = new SecretBytes("ecc.key.pem", Vectors.hex("ecc", "private_key"));
    static final Bytes XY = Vectors.hex("ecc", "public_key_xy");
    static final SecretBytes WK = new SecretBytes("slot4.key", Bytes.ofHex("9c0e5f21a8e3c1d4b7f60a2d19e4c38b5a7d0f6e2c4b8a1d3e5f7092b4c6d8e1"));

    private SimI2cBoard sim;

    @AfterEach void close() { if (sim != null) sim.close(); }

    /** A chip with the aws config; {@code lockData} also locks the data zone. */
    private Atecc chip(Via via, boolean lockData) throws Exception {
        sim = new SimI2cBoard();
        if (via == Via.RPC) sim.board.config().set(Map.of("sys.atca.enable", "true"), true);
        Atecc a = new Atecc(sim.board, Optional.of(via));
        a.setConfig(AteccTest.aws());
        a.lockConfig();
        if (lockData) a.lockData();
        sim.gate.plans.clear();
        sim.sent.clear();
        return a;
    }

    private Plan lastPlan() { return sim.gate.plans.get(sim.gate.plans.size() - 1); }

    @ParameterizedTest @EnumSource(Via.class)
    void awsFlowWritesTheWriteKeyThenTheEncryptedPrivateKeyAndSignaturesVerify(Via via) throws Exception {
        Atecc a = chip(via, true);
        KeyWriteResult wk = a.keys().setData(4, WK, Optional.empty());
        assertEquals("slot 4 written (32 bytes from slot4.key, Write in the clear)", wk.message());
        assertTrue(lastPlan().lines().stream().anyMatch(l -> l.equals("the 32 bytes of slot4.key cross the serial link in the clear (slot 4's WriteConfig takes clear writes)")), lastPlan().lines().toString());

        KeyWriteResult r = a.keys().setPrivateKey(0, D, XY, "ecc.key.pem, public key SHA-256 " + PublicKeys.shortFingerprint(XY), Optional.of(WK));
        assertTrue(r.written() && r.checked(), r.toString());
        assertEquals("slot 0 written (encrypted PrivWrite); public key read back from the chip matches ecc.key.pem", r.message());
        Plan p = lastPlan();
        Change.SlotWrite sw = (Change.SlotWrite) p.changes().get(0);
        assertEquals(via == Via.I2C ? Change.WriteMode.ENCRYPTED_ON_HOST : Change.WriteMode.VIA_FIRMWARE, sw.mode());
        assertEquals(4, sw.authorisingSlot());
        assertFalse(p.isIrreversible(), "slot 0 held no valid key");
        assertTrue(p.title().startsWith("write a P-256 private key into slot 0 of ATECC508A S/N "), p.title());
        assertTrue(p.lines().contains("chip: config locked, data locked; slot 0 is a P-256 private key slot (WriteConfig Encrypt(6), write key 4)"), p.lines().toString());
        assertTrue(p.lines().contains(via == Via.I2C ? "write key: slot4.key (never sent: sesh computes the encryption and MAC here)"
                : "write key: slot4.key (sent to the board: ATCA.SetKey encrypts there; --via i2c keeps it on this computer)"), p.lines().toString());

        assertEquals(XY, a.publicKey(0));
        Bytes digest = Vectors.hex("ecc", "sign", "digest");
        assertTrue(P256.verify(XY, digest, a.sign(0, digest)));
    }

    @ParameterizedTest @EnumSource(dev.sesh.atca.packet.Variant.class)
    void aFreshHostDriverSessionSignsWithTheChipsOwnSequence(dev.sesh.atca.packet.Variant variant) throws Exception {
        sim = new SimI2cBoard(true, variant);
        Atecc setup = new Atecc(sim.board, Optional.of(Via.I2C));
        setup.setConfig(AteccTest.aws());
        setup.lockConfig();
        setup.lockData();
        Bytes pub = setup.keys().genKey(2);
        Atecc fresh = new Atecc(sim.board, Optional.of(Via.I2C));   // Sign before anything else told the driver the chip type
        Bytes digest = Vectors.hex("ecc", "sign", "digest");
        assertTrue(P256.verify(pub, digest, fresh.sign(2, digest)));
        assertEquals(variant.name(), fresh.info().chip());
    }

    @Test
    void hostBackEndNeverSendsTheWriteKeyOrThePrivateKeyOverTheLink() throws Exception {
        Atecc a = chip(Via.I2C, true);
        a.keys().setData(4, WK, Optional.empty());
        sim.sent.clear();
        a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.of(WK));
        String wire = String.join("\n", sim.sent);
        assertTrue(sim.sentMethods().contains("I2C.Write"), sim.sentMethods().toString());
        for (Bytes secret : List.of(WK.bytes(), D.bytes())) assertAbsent(wire, secret);
    }

    @Test
    void rpcBackEndSendsTheWriteKeyToAtcaSetKeyAsThePlanSays() throws Exception {
        Atecc a = chip(Via.RPC, true);
        a.keys().setData(4, WK, Optional.empty());
        sim.sent.clear();
        a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.of(WK));
        String wire = String.join("\n", sim.sent);
        assertTrue(wire.contains(Base64.getEncoder().encodeToString(WK.bytes().toArray())), "the search finds a key that does cross");
        assertTrue(((Change.SlotWrite) lastPlan().changes().get(0)).line().contains("the key and the write key cross the serial link"));
    }

    static void assertAbsent(String text, Bytes secret) {
        String lower = text.toLowerCase();
        assertFalse(lower.contains(secret.hex()), "hex of a secret");
        assertFalse(lower.contains(secret.slice(0, 16).hex()) || lower.contains(secret.slice(16, 32).hex()), "half a secret in hex");
        assertFalse(text.contains(Base64.getEncoder().encodeToString(secret.toArray())), "base64 of a secret");
        assertFalse(text.contains(Base64.getEncoder().encodeToString(secret.slice(0, 15).toArray())), "base64 of part of a secret");
    }

    @ParameterizedTest @EnumSource(Via.class)
    void whileTheDataZoneIsOpenThePrivateKeyGoesInTheClearAndThePlanSaysSo(Via via) throws Exception {
        Atecc a = chip(via, false);
        KeyWriteResult r = a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.of(WK));
        assertEquals("PrivWrite in the clear", r.how());
        assertTrue(r.checked());
        assertTrue(lastPlan().lines().contains("the private key crosses the serial link in the clear, as mos sends it while the data zone is open"));
        assertTrue(lastPlan().lines().contains("write key: slot4.key is not needed for a clear write and is not used"));
        assertEquals(XY, a.publicKey(0));
    }

    @ParameterizedTest @EnumSource(Via.class)
    void afterTheDataLockAPrivateKeyWithoutWriteKeyIsRefusedBeforeAnythingIsSent(Via via) throws Exception {
        Atecc a = chip(via, true);
        SeshException e = assertThrows(SeshException.class, () -> a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.empty()));
        assertEquals(2, e.exitCode());
        assertEquals("slot 0 takes only an encrypted PrivWrite now that the data zone is locked", e.getMessage());
        assertEquals("add --write-key FILE with the key held in slot 4", e.hint());
        assertTrue(sim.gate.plans.isEmpty());
        assertFalse(sim.sentMethods().contains("ATCA.SetKey"), sim.sentMethods().toString());
    }

    @ParameterizedTest @EnumSource(Via.class)
    void aWrongWriteKeyIsExplainedFromTheSlotConfig(Via via) throws Exception {
        Atecc a = chip(via, true);
        a.keys().setData(4, WK, Optional.empty());
        SecretBytes wrong = new SecretBytes("other.key", Bytes.ofHex("11".repeat(32)));
        ChipStatusException e = assertThrows(ChipStatusException.class, () -> a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.of(wrong)));
        assertEquals("slot 0 refused the private key write (chip status 0x0F, execution error)", e.getMessage());
        assertEquals("the MAC did not check: the write key does not match the key in slot 4", e.hint());
        assertFalse((e.getMessage() + e.hint()).contains(wrong.bytes().hex()));
    }

    @ParameterizedTest @EnumSource(Via.class)
    void writingTheKeyASlotAlreadyHoldsSendsNothing(Via via) throws Exception {
        Atecc a = chip(via, true);
        a.keys().setData(4, WK, Optional.empty());
        a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.of(WK));
        int plans = sim.gate.plans.size();
        KeyWriteResult again = a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.of(WK));
        assertFalse(again.written());
        assertEquals("slot 0 already holds the key of ecc.key.pem; nothing was written", again.message());
        assertEquals(plans, sim.gate.plans.size());
    }

    @ParameterizedTest @EnumSource(Via.class)
    void genKeyOverAKeyIsIrreversibleAndOverAnEmptySlotIsNot(Via via) throws Exception {
        Atecc a = chip(via, true);
        Bytes first = a.keys().genKey(1);
        Plan p1 = lastPlan();
        assertFalse(p1.isIrreversible());
        assertTrue(p1.lines().contains("slot 1 holds no valid key now (the chip computes no public key for it)"), p1.lines().toString());
        assertEquals(first, a.publicKey(1));
        Bytes second = a.keys().genKey(1);
        Plan p2 = lastPlan();
        assertTrue(p2.isIrreversible());
        assertEquals("genkey slot 1 " + a.target().serialTag(), p2.phrase());
        assertTrue(p2.lines().contains("slot 1 holds a key now (public key SHA-256 " + PublicKeys.shortFingerprint(first) + "): it is gone forever after this"));
        assertFalse(first.equals(second));
    }

    @Test
    void aDeclinedPlanChangesNothing() throws Exception {
        Atecc a = chip(Via.I2C, true);
        a.keys().setData(4, WK, Optional.empty());
        sim.gate.approve = false;
        assertEquals(3, assertThrows(SeshException.class, () -> a.keys().setPrivateKey(0, D, XY, "ecc.key.pem", Optional.of(WK))).exitCode());
        assertEquals(3, assertThrows(SeshException.class, () -> a.keys().genKey(0)).exitCode());
        sim.gate.approve = true;
        ChipStatusException e = assertThrows(ChipStatusException.class, () -> a.publicKey(0));
        assertTrue(e.hint().startsWith("slot 0 may hold no key yet"), e.hint());
    }

    @ParameterizedTest @EnumSource(Via.class)
    void refusalsBeforeSending(Via via) throws Exception {
        Atecc a = chip(via, true);
        assertEquals("slot 7's WriteConfig does not allow an encrypted PrivWrite",
                assertThrows(SeshException.class, () -> a.keys().setPrivateKey(7, D, XY, "k", Optional.of(WK))).getMessage()
                        .replace("the data zone is locked and ", "").replace(": its key cannot be set", ""));
        assertEquals("slot 5's WriteConfig is Never: it cannot be written after the data lock",
                assertThrows(SeshException.class, () -> a.keys().setData(5, WK, Optional.empty())).getMessage());
        assertEquals("slot 8 takes only encrypted writes now that the data zone is locked",
                assertThrows(SeshException.class, () -> a.keys().setData(8, WK, Optional.empty())).getMessage());
        assertEquals(2, assertThrows(SeshException.class, () -> a.keys().setData(4, new SecretBytes("short", Bytes.ofHex("00112233")), Optional.empty())).exitCode());
        assertEquals(2, assertThrows(SeshException.class, () -> a.sign(0, Bytes.ofHex("00"))).exitCode());
        assertEquals(2, assertThrows(SeshException.class, () -> a.keys().genKey(4)).exitCode());
        assertEquals(2, assertThrows(SeshException.class, () -> a.keys().genKey(16)).exitCode());
        assertTrue(sim.gate.plans.isEmpty());
    }

    @Test
    void encryptedDataWriteOnTheHostKeepsBothKeysOffTheLink() throws Exception {
        Atecc a = chip(Via.I2C, true);
        a.keys().setData(4, WK, Optional.empty());
        sim.sent.clear();
        SecretBytes data = new SecretBytes("slot8.key", Bytes.ofHex("a5".repeat(64)));
        KeyWriteResult r = a.keys().setData(8, data, Optional.of(WK));
        assertEquals("slot 8 written (64 bytes from slot8.key, encrypted Write)", r.message());
        String wire = String.join("\n", sim.sent);
        assertAbsent(wire, WK.bytes());
        assertAbsent(wire, data.bytes().slice(0, 32));
    }
}
