package dev.sesh.shell.complete;

import dev.sesh.atca.config.ConfigZone;
import dev.sesh.bytes.Hex;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlotCandidatesTest {
    private static ConfigZone awsZone() throws Exception {
        String hex = Files.readString(Vectors.referenceDir().resolve("atca-aws-test.hex")).replaceAll("\\s+", "");
        return ConfigZone.of(dev.sesh.bytes.Bytes.of(Hex.parse(hex)));
    }

    @Test
    void offersEverySlotNumberInOrder() {
        List<String> all = new ArrayList<>();
        new SlotCandidates(null).forEach(all::add);
        assertEquals(16, all.size());
        assertEquals("0", all.get(0));
        assertEquals("15", all.get(15));
    }

    @Test
    void describesKeyTypeSecrecyAndLockFromTheZone() throws Exception {
        ConfigZone z = awsZone();
        assertEquals("P256 private, secret, open", SlotCandidates.describe(z, 0));
        assertEquals("P256 private, secret, open", SlotCandidates.describe(z, 1));
    }

    @Test
    void withoutABoardTheDescriptionIsJustTheSlot() {
        assertEquals("slot 3", new SlotCandidates(null).describe("3"));
    }
}
