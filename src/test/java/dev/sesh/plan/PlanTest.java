package dev.sesh.plan;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanTest {
    static final Bytes SERIAL = Bytes.ofHex("012352aad1bbf378ee");
    static final Target CHIP = Target.board("sim:", "esp8266_0A1B2C").withChip("ATECC508A", SERIAL);
    static final String KEY_HEX = "6ecb27f1a2e8b7c66fe7e12a7b1fb4d9a0ccb3c5e8b2f2f0a41e2ce0e5b9758a";

    @Test
    void lockConfigPhraseEndsWithSerialBytesSixAndSeven() {
        Plan plan = Plan.builder("LOCK the config zone", CHIP).change(Change.Lock.config(0x80F1)).build();
        assertTrue(plan.isIrreversible());
        assertEquals("lock config f378", plan.phrase());
    }

    @Test
    void lockDataAndSlotPhrasesFollowTheDesign() {
        assertEquals("lock data f378", Plan.builder("t", CHIP).change(Change.Lock.data(OptionalInt.empty())).build().phrase());
        assertEquals("lock slot 5 f378", Plan.builder("t", CHIP).change(Change.Lock.slot(5)).build().phrase());
    }

    @Test
    void batchPhraseNamesTheBoardCount() {
        Plan plan = Plan.builder("lock 12 boards", CHIP).change(Change.Lock.config(0x1234)).boards(12).build();
        assertEquals("lock config on 12 boards", plan.phrase());
    }

    @Test
    void phraseWithoutAKnownSerialIsTheVerbAlone() {
        Plan plan = Plan.builder("t", Target.board("sim:", "b")).change(Change.ChipCommand.of(0x17, 0x80, 0, 0)).build();
        assertEquals("raw lock", plan.phrase());
    }

    @Test
    void reversiblePlansHaveNoPhrase() {
        Plan plan = Plan.builder("put a file", CHIP).change(new Change.FileWrite("ecc.crt.pem", 574, false)).build();
        assertEquals(Reversibility.REVERSIBLE, plan.reversibility());
        assertEquals("", plan.phrase());
    }

    @Test
    void oneIrreversibleChangeMakesThePlanIrreversible() {
        Plan plan = Plan.builder("t", CHIP).change(new Change.Reboot()).change(new Change.KeyGen(0, true)).build();
        assertEquals(Reversibility.IRREVERSIBLE, plan.reversibility());
        assertEquals("genkey slot 0 f378", plan.phrase());
    }

    @Test
    void refusesAReversibleLabelOnAnIrreversibleChange() {
        assertThrows(IllegalArgumentException.class,
                () -> new Plan("t", List.of(Change.Lock.slot(1)), List.of(), Reversibility.REVERSIBLE, "", CHIP));
    }

    @Test
    void refusesKeySizedHexInNotesAndTitle() {
        assertThrows(IllegalArgumentException.class,
                () -> Plan.builder("t", CHIP).change(new Change.Reboot()).note("key " + KEY_HEX).build());
        assertThrows(IllegalArgumentException.class,
                () -> Plan.builder("write " + KEY_HEX, CHIP).change(new Change.Reboot()).build());
    }

    @Test
    void refusesKeySizedBase64InNotes() {
        assertThrows(IllegalArgumentException.class,
                () -> Plan.builder("t", CHIP).change(new Change.Reboot()).note("wkey q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=").build());
    }

    @Test
    void rpcCallRedactsUnquotedNamesAndPasswordsAtAnyDepth() {
        Change.RpcCall call = Change.RpcCall.of("Config.Set",
                "{config: {wifi: {sta: {ssid: \"lab\", pass: 'hunter2'}}}, key: 0123}");
        assertEquals("{config: {wifi: {sta: {ssid: \"lab\", pass: \"(redacted)\"}}}, key: \"(redacted)\"}", call.params());
    }

    @Test
    void refusesAnEmptyPlan() {
        assertThrows(IllegalArgumentException.class, () -> Plan.builder("t", CHIP).build());
    }

    @Test
    void rpcCallParamsLoseKeyValues() {
        String params = "{\"slot\":0,\"ecc\":true,\"key\":\"" + KEY_HEX + "\",\"wkey\":\"AAAA+/==\",\"wkslot\":4}";
        Change.RpcCall call = Change.RpcCall.of("ATCA.SetKey", params);
        assertFalse(call.params().contains(KEY_HEX));
        assertFalse(call.params().contains("AAAA"));
        assertEquals("{\"slot\":0,\"ecc\":true,\"key\":\"(redacted)\",\"wkey\":\"(redacted)\",\"wkslot\":4}", call.params());
    }

    @Test
    void i2cWriteToTheChipKeepsOnlyThePacketHeader() {
        Bytes packet = Bytes.ofHex("03 4b 46 00 00 00 00000000" + KEY_HEX + KEY_HEX + "1234");
        Change.I2cWrite w = Change.I2cWrite.of(0x60, packet, 0x60);
        assertEquals("034b46000000", w.shown().hex());
        assertFalse(w.line().contains(KEY_HEX));
        assertEquals(Reversibility.IRREVERSIBLE, w.reversibility());
        Change.I2cWrite direct = new Change.I2cWrite(0x60, 0x60, packet.length(), packet, w.classification(), w.actions());
        assertEquals(6, direct.shown().length(), "the canonical constructor truncates too");
    }

    // Issue 16 row 7: 32 key bytes written to the chip from a script are no command packet: none shows.
    @Test
    void rawBytesToTheChipShowNoByteWhereverTheChipIs() {
        Bytes key = Bytes.ofHex(KEY_HEX);
        for (int[] at : new int[][] {{0x60, 0x60}, {0x61, 0x60}, {0x60, 0x61}}) {
            Change.I2cWrite w = Change.I2cWrite.of(at[0], key, at[1]);
            assertEquals(0, w.shown().length(), w.line());
            assertTrue(w.line().contains(key.length() + " bytes not shown"), w.line());
            assertFalse(w.line().contains(KEY_HEX.substring(0, 12)), w.line());
        }
    }

    @Test
    void i2cWriteToAnotherDeviceShowsItsBytes() {
        Change.I2cWrite w = Change.I2cWrite.of(0x50, Bytes.ofHex("00 10 aa bb"), 0x60);
        assertEquals("i2c write 0x50  0010aabb  I2C write of 4 bytes to 0x50", w.line());
    }

    @Test
    void secretConfigValuesAreHidden() {
        Change.ConfigKeyChange c = new Change.ConfigKeyChange("wifi.sta.pass", "", "hunter2", false);
        assertEquals("wifi.sta.pass  \"\"  -> (hidden)", c.line());
        assertEquals("(hidden)", new Change.ConfigKeyChange("x.y", "a", "b", true).to());
        assertEquals("ATCA:0", new Change.ConfigKeyChange("http.ssl_key", "", "ATCA:0", false).to());
    }

    @Test
    void slotNumbersAreChecked() {
        SeshException e = assertThrows(SeshException.class, () -> new Change.KeyGen(16, false));
        assertEquals("slots are 0-15", e.hint());
    }

    @Test
    void slotWriteSaysWhenTheKeyCrossesTheLink() {
        Change.SlotWrite w = new Change.SlotWrite(0, "a P-256 private key", Change.WriteMode.VIA_FIRMWARE, 4, true);
        assertTrue(w.line().contains("the key and the write key cross the serial link"), w.line());
        assertEquals(Reversibility.IRREVERSIBLE, w.reversibility());
    }

    @Test
    void targetDescribesTheChip() {
        assertEquals("ATECC508A S/N 012352aad1bbf378ee", CHIP.describe());
        assertEquals("the board esp8266_0A1B2C", Target.board("sim:", "esp8266_0A1B2C").describe());
        assertThrows(IllegalArgumentException.class, () -> Target.board("p", "b").withChip("x", Bytes.ofHex("0123")));
    }
}
