package dev.sesh.shell.command.atca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.plan.Plan;
import dev.sesh.shell.Session;
import dev.sesh.testing.ShellHarness;
import dev.sesh.testing.SimI2cBoard;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The atca commands as a user types them, against the simulated board on a virtual clock (host driver). */
class AtcaCommandsTest {
    private final ShellHarness shell = new ShellHarness();
    private final SimI2cBoard sim = shell.sim;
    private final Session session = shell.session;

    @AfterEach void close() { shell.close(); }

    private int type(String line) { return shell.type(line); }

    private String out() { return shell.out(); }

    private String err() { return shell.err(); }

    private static String aws() { return Vectors.referenceDir().resolve("atca-aws-test.yaml").toString(); }

    private void awsConfig() {
        assertEquals(0, type("atca config set " + aws()), err());
        shell.clearOutput();
    }

    @Test void configSetPlanIsTheFieldDiffWithTheLintResult() {
        assertEquals(0, type("atca config set " + aws()), err());
        Plan p = sim.gate.plans.get(0);
        assertTrue(p.lines().contains("slot 0  WriteConfig  Always -> Encrypt(6)"), p.lines().toString());
        assertTrue(p.notes().stream().anyMatch(n -> n.matches("lint: 3 warnings, \\d+ info \\(atca lint lists the info\\)")), p.notes().toString());
        assertFalse(p.needsPhrase());
        assertTrue(out().startsWith("config zone written (") && out().endsWith("read back: matches\n"), out());
    }

    @Test void slotsTableShowsWhoMayReadAndWriteInWords() {
        awsConfig();
        assertEquals(0, type("atca slots"), err());
        List<String> lines = out().lines().toList();
        assertEquals(17, lines.size(), out());
        assertTrue(lines.get(0).matches("slot +size +key +private +secret +read +write +lock"), lines.get(0));
        assertTrue(lines.get(1).matches(" *0 +36 +P256 ECC +yes +yes +never +encrypted, key 4 \\(PrivWrite\\) +-"), lines.get(1));
        assertTrue(lines.get(5).matches(" *4 +36 +data +- +yes +never +always \\(clear\\) +-"), lines.get(5));
        assertTrue(lines.get(9).matches(" *8 +416 +.*encrypted, key 4 +encrypted, key 4 +-"), lines.get(9));
    }

    @Test void slotsJsonIsOneArrayOfSixteen() throws Exception {
        assertEquals(0, type("atca slots --json"), err());
        JsonNode n = new ObjectMapper().readTree(out());
        assertEquals(16, n.size());
        assertEquals(416, n.get(8).path("size").asInt());
    }

    @Test void slotExplainsTheSlotInSentences() {
        awsConfig();
        assertEquals(0, type("atca slot 0"), err());
        assertTrue(out().startsWith("slot 0: P-256 private key. It can sign external and internal messages and do ECDH."), out());
        assertTrue(out().replace("\n  ", " ").contains("encrypted PrivWrite authorised by the key in slot 4"), out());
        assertTrue(out().lines().allMatch(l -> l.length() <= 96), out());
    }

    @Test void slot16IsAUsageError() {
        assertEquals(2, type("atca slot 16"));
        assertTrue(err().contains("slot 16 does not exist"), err());
    }

    /** The SLOT converter's own line reaches the user, not picocli's "Invalid value for positional parameter". */
    @Test void aBadSlotIsOneLineAsTypedWhereverTheSlotIsGiven() {
        String range = "hint: slots are 0-15\n";
        Map<String, String> errors = Map.of(
                "atca read 0x10", "error: slot 0x10 does not exist\n" + range,
                "atca key pub x", "error: slot 'x' is not a number\nhint: write it as decimal or 0x-hex, e.g. 4 or 0x04\n",
                "atca verify --slot 99 --digest 00 --sig 00", "error: slot 99 does not exist\n" + range,
                "atca lock slot -1", "error: slot -1 does not exist\n" + range);
        errors.forEach((line, expected) -> {
            shell.clearOutput();
            assertEquals(2, type(line), line);
            assertEquals(expected, err(), line);
        });
    }

    @Test void lintOfTheAwsFileHasNoErrorsAndItsExpectedWarnings() {
        assertEquals(0, type("atca lint " + aws()), err());
        List<String> warnings = out().lines().filter(l -> l.startsWith("warning ")).map(l -> l.substring(0, l.indexOf(':')) + l.substring(l.lastIndexOf(' '))).toList();
        assertEquals(List.of("warning slot 15 IsSecret [key-slot-not-secret]", "warning slot 4 WriteConfig [write-key-rewritable]",
                "warning slot 15 WriteConfig [write-key-rewritable]"), warnings, out());
        assertFalse(out().contains("error "), out());
        assertTrue(err().matches("0 errors, 3 warnings, \\d+ info\n"), err());
    }

    @Test void configDiffExits0WhenTheChipMatchesTheFileAnd1WhenItDiffers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String saved = dir.resolve("saved.yaml").toString();
        assertEquals(0, type("atca config get " + saved), err());
        assertEquals(0, type("atca config diff " + saved), err());
        assertEquals(1, type("atca config diff " + aws()), err());
        assertEquals(1, type("atca config diff --json " + aws()), err());
    }

    @Test void configDiffListsFieldsAndCountsThem() {
        assertEquals(1, type("atca config diff " + aws()), err());
        assertTrue(out().lines().anyMatch(l -> l.equals("slot 0 WriteConfig: Always -> Encrypt(6)")), out());
        assertFalse(out().contains("cannot be written"), out());
        assertFalse(out().lines().anyMatch(l -> l.startsWith("config RevNum") || l.startsWith("config SerialNumber") || l.startsWith("config LockValue") || l.startsWith("config LockConfig")), out());
        assertTrue(err().matches("\\d+ differences( \\(\\d+ more in bytes a config write cannot change, not compared\\))?\n"), err());
    }

    @Test void configShowHexIsWhatMosPrints() {
        assertEquals(0, type("atca config show --format hex"), err());
        assertTrue(out().startsWith("0x01, 0x23, "), out());
    }

    @Test void chipRefusalIsOneLineWithTheReason() {
        assertEquals(1, type("atca read 10"));
        assertEquals("error: slot 10 refused the read (chip status 0x0F, execution error)\n"
                + "hint: data slots can be read only after the data zone is locked\n", err());
    }

    @Test void randomBeforeTheConfigLockIsTheFixedPatternAndSaysSo() {
        assertEquals(0, type("atca random"), err());
        assertEquals("ffff0000".repeat(8) + "\n", out());
        assertTrue(err().contains("only after the config lock"), err());
    }

    @Test void rawInfoPrintsTheDecodedAnswerWithoutAPlan() {
        assertEquals(0, type("atca raw 0x30 0 0"), err());
        assertEquals("sent   0730000000\nanswer 00005000  (4 data bytes)\n", out());
        assertTrue(sim.gate.plans.isEmpty());
    }

    @Test void rawLockGoesThroughTheGateAsIrreversible() {
        assertEquals(0, type("atca raw 0x17 0x80 0"), err());
        Plan p = sim.gate.plans.get(0);
        assertTrue(p.isIrreversible());
        assertTrue(out().contains("status 0x00: success"), out());
        assertTrue(sim.chip.memory().configLocked());
    }

    @Test void clearWriteOfAnEncryptedSlotIsRefusedBeforeAnythingIsSent() {
        awsConfig();
        assertEquals(0, type("atca lock config"), err());
        assertEquals(0, type("atca lock data"), err());
        int plans = sim.gate.plans.size();
        assertEquals(2, type("atca write 8 " + "00".repeat(32)));
        assertTrue(err().contains("slot 8 takes only encrypted writes"), err());
        assertEquals(plans, sim.gate.plans.size());
    }

    @Test void clearWriteAndReadBackOfADataSlot() throws Exception {
        awsConfig();
        assertEquals(0, type("atca lock config"), err());
        String data = "5a".repeat(32) + "a5".repeat(32);
        assertEquals(0, type("atca write 10 " + data), err());
        assertEquals(0, type("atca lock data"), err());
        shell.clearOutput();
        assertEquals(0, type("atca read 10 --json"), err());
        JsonNode n = new ObjectMapper().readTree(out());
        assertEquals(144, n.path("data").asText().length(), "the whole 72-byte slot");
        assertTrue(n.path("data").asText().startsWith(data), n.toString());
    }

    @Test void lockSlotNeedsTheDataLockFirstAndSaysSo() {
        awsConfig();
        assertEquals(0, type("atca lock config"), err());
        shell.clearOutput();
        assertEquals(1, type("atca lock slot 4"));
        assertEquals("error: slot 4 refused the slot lock (chip status 0x0F, execution error)\n"
                + "hint: a slot can be locked only after the data zone: atca lock data first\n", err());
    }

    @Test void promptSummaryFollowsTheChip() {
        assertEquals(0, type("atca info"), err());
        assertEquals("ATECC508A cfg:open data:open", session.chipStatus().orElseThrow());
    }

    @Test void badInputsAreOneErrorLineAndLeaveTheChipUnchanged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path yaml = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "slotinfo: [\n");
        java.nio.file.Path unknownKey = java.nio.file.Files.writeString(dir.resolve("typo.yaml"), "i2caddres: 192\n");
        java.nio.file.Path hex = java.nio.file.Files.writeString(dir.resolve("short.hex"), "0x01, 0x23\n");
        byte[] before = sim.chip.memory().save();
        for (String line : List.of("atca config set " + yaml, "atca config set " + unknownKey, "atca config set " + hex,
                "atca config set " + dir.resolve("missing.yaml"), "atca write 16 00112233", "atca write 10 0011",
                "atca read 16", "atca slot 99", "atca raw 0x17 0x80", "atca raw 0x17 0x100 0", "atca lock banana",
                "atca lock config 3", "atca write 10 zz")) {
            shell.clearOutput();
            assertEquals(2, type(line), line + "\n" + err());
            List<String> lines = err().lines().toList();
            assertTrue(lines.get(0).startsWith("error: "), line + "\n" + err());
            assertTrue(lines.size() <= 2 && (lines.size() == 1 || lines.get(1).startsWith("hint: ")), line + "\n" + err());
        }
        assertTrue(java.util.Arrays.equals(before, sim.chip.memory().save()), "chip unchanged");
        assertTrue(sim.gate.plans.isEmpty(), "nothing reached the gate");
    }

    @Test void configSetOnALockedChipIsRefusedAndLeavesItUnchanged() {
        assertEquals(0, type("atca lock config"), err());
        byte[] before = sim.chip.memory().save();
        shell.clearOutput();
        assertEquals(1, type("atca config set " + aws()));
        assertTrue(err().startsWith("error: the config zone of ATECC508A S/N "), err());
        assertTrue(java.util.Arrays.equals(before, sim.chip.memory().save()));
    }
}
