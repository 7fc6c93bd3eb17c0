package dev.sesh.atca.config;

import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotDescriptionTest {
    private final ConfigZone aws = AwsConfig.chipImage();

    private List<String> row(ConfigZone z, int n) {
        return List.of(String.valueOf(SlotDescription.size(n)), SlotDescription.keyKind(z, n), SlotDescription.privateWord(z, n),
                SlotDescription.secretWord(z, n), SlotDescription.read(z, n), SlotDescription.write(z, n), SlotDescription.lock(z, n));
    }

    @Test void slotRowsOfTheAwsConfigReadLikeTheUxExample() {
        assertEquals(List.of("36", "P256 ECC", "yes", "yes", "never", "encrypted, key 4 (PrivWrite)", "-"), row(aws, 0));
        assertEquals(List.of("36", "data", "-", "yes", "never", "always (clear)", "-"), row(aws, 4));
        assertEquals(List.of("416", "data", "-", "yes", "encrypted, key 4", "encrypted, key 4", "-"), row(aws, 8));
        assertEquals(List.of("36", "P256 ECC", "yes", "yes", "never", "never", "-"), row(aws, 7));
        assertEquals(List.of("72", "data", "-", "-", "always (clear)", "always (clear)", "-"), row(aws, 12));
        assertEquals(List.of("36", "data", "-", "yes", "never", "never", "-"), row(aws, 5));
    }

    @Test void slotZeroParagraphStartsWithTheUxSentences() {
        String p = SlotDescription.paragraph(aws, 0);
        assertTrue(p.startsWith("slot 0: P-256 private key. It can sign external and internal messages and do ECDH. "
                + "GenKey may replace it. After the data zone is locked it can only be written with an encrypted PrivWrite "
                + "authorised by the key in slot 4. Its private key can never be read."), p);
        assertTrue(p.endsWith("Its public key can be computed at any time (PubInfo). It can be locked on its own (atca lock slot 0)."), p);
    }

    @Test void slotSevenSignsInternallyOnlyAndCannotBeRewrittenByPrivWrite() {
        assertEquals(List.of("slot 7: P-256 private key.", "It can sign internal messages.", "GenKey may replace it.",
                "After the data zone is locked PrivWrite cannot change it.", "Its private key can never be read.",
                "Its public key can be computed at any time (PubInfo).", "It can be locked on its own (atca lock slot 7)."),
                SlotDescription.sentences(aws, 7));
    }

    @Test void encryptedDataSlotNamesItsKeys() {
        assertEquals(List.of("slot 8: secret data, 416 bytes.", "It can only be read encrypted with the key in slot 4.",
                "After the data zone is locked it can only be written encrypted, authorised by the key in slot 4.",
                "It cannot be locked on its own."), SlotDescription.sentences(aws, 8));
    }

    @Test void everyRemainingBitGetsASentence() {
        ConfigZone z = aws.withSlotConfig(6, SlotConfig.of(0x8F9F).withLimitedUse(true))
                .withKeyConfig(6, KeyConfig.of(0x1C).withReqRandom(true).withReqAuth(true, 3).withIntrusionDisable(true).withX509id(2))
                .withSlotLocked(0xFFFF & ~(1 << 6));
        String p = SlotDescription.paragraph(z, 6);
        for (String s : List.of("(NoMac)", "(LimitedUse)", "(ReqRandom)", "key in slot 3 (ReqAuth)", "(IntrusionDisable)",
                "X509format entry 2", "It is locked on its own")) assertTrue(p.contains(s), s + " missing in: " + p);
        ConfigZone z608 = z.withBytes(4, Bytes.ofHex("00006002"));
        assertTrue(SlotDescription.paragraph(z608, 6).contains("(PersistentDisable)"));
    }

    @Test void derivedKeysAndValidatedPublicKeysAreExplained() {
        ConfigZone z = aws.withSlotConfig(10, SlotConfig.of(0x0000).withWriteConfig(0xB).withWriteKey(5).withReadKey(1))
                .withSlotConfig(11, SlotConfig.of(0x0000).withWriteConfig(1)).withKeyConfig(11, KeyConfig.of(0x12));
        assertTrue(SlotDescription.paragraph(z, 10).contains("DeriveKey may replace it with a key derived from the key in slot 5, with an authorising MAC."));
        assertEquals("if pubkey invalid (clear)", SlotDescription.write(z, 11));
        assertEquals("P256 public", SlotDescription.keyKind(z, 11));
        String p11 = SlotDescription.paragraph(z, 11);
        assertTrue(p11.contains("It can be written in the clear only while its public key is invalid."), p11);
        assertTrue(p11.contains("must be validated before Verify"), p11);
        assertTrue(p11.contains("ReadKey is 0, which also lets CheckMac copy this slot into TempKey."), p11);
    }
}
