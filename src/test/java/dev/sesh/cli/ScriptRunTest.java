package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sesh run FILE} and {@code sesh FILE.groovy} without a TTY: exit codes, file:line errors, the gate. */
class ScriptRunTest {
    @TempDir Path home;
    @TempDir Path dir;

    SeshRuns.Run run(String... args) { return SeshRuns.run(home, args).withoutCarriageReturns(); }

    String script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void runPrintsToStdoutAndExits0() throws IOException {
        String f = script("id.groovy", "println board.info().arch\nprintln args.join('+')\n");
        SeshRuns.Run r = run("--port", "sim:", "run", f, "a", "--b");
        assertEquals(0, r.code(), r.err());
        assertEquals("esp8266\na+--b\n", r.out());
    }

    @Test
    void groovyFileAsFirstArgumentRunsIt() throws IOException {
        String f = script("direct.groovy", "println args.size()\n");
        SeshRuns.Run r = run("--port", "sim:", f, "x", "y");
        assertEquals(0, r.code(), r.err());
        assertEquals("2\n", r.out());
    }

    @Test
    void bugOnAKnownLineExits1WithFileAndLineAndNoStack() throws IOException {
        String f = script("bug.groovy", "x = 1\n\nboard.nothing(x)\n");
        SeshRuns.Run r = run("--port", "sim:", "run", f);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: bug.groovy:3: no method nothing(Integer) on Board\n"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void debugShowsTheStack() throws IOException {
        String f = script("bug.groovy", "board.nothing()\n");
        SeshRuns.Run r = run("--port", "sim:", "--debug", "run", f);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void seshErrorKeepsItsHintAndExitCode() throws IOException {
        String f = script("slots.groovy", "\nthrow SeshException.badArg('slot 16 does not exist', 'slots are 0-15')\n");
        SeshRuns.Run r = run("--port", "sim:", "run", f);
        assertEquals(2, r.code(), r.err());
        assertEquals("error: slots.groovy:2: slot 16 does not exist\nhint: slots are 0-15\n", r.err());
    }

    @Test
    void changeWithoutTerminalIsRefusedExit3AndTheScriptStops() throws IOException {
        String f = script("reboot.groovy", "println 'before'\nboard.reboot(0, true)\nprintln 'after'\n");
        SeshRuns.Run r = run("--port", "sim:", "run", f);
        assertEquals(3, r.code(), r.err());
        assertEquals("before\n", r.out());
        assertTrue(r.err().contains("reboot.groovy:2: "), r.err());
        assertTrue(r.err().contains("--yes"), r.err());
    }

    @Test
    void rebootFromAScriptUnderYesWorks() throws IOException {
        String f = script("reboot.groovy", "def took = board.reboot(0, true)\nprintln 'back'\nprintln board.info().arch\n");
        SeshRuns.Run r = run("--port", "sim:", "--yes", "run", f);
        assertEquals(0, r.code(), r.err());
        assertEquals("back\nesp8266\n", r.out());
        assertTrue(r.err().contains("approved by --yes"), r.err());
    }

    @Test
    void exitHelperSetsTheExitCode() throws IOException {
        SeshRuns.Run r = run("--port", "sim:", "run", script("five.groovy", "exit 5\n"));
        assertEquals(5, r.code(), r.err());
    }

    @Test
    void missingFileIsUsageError() {
        SeshRuns.Run r = run("--port", "sim:", "run", dir.resolve("nope.groovy").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no script"), r.err());
    }

    @Test
    void noPortMeansNoSimFallbackExit4() throws IOException {
        SeshRuns.Run r = run("run", script("any.groovy", "println board.info().arch\n"));
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("--port sim:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void dashCEvaluatesGroovyAndPrintsTheResult() {
        SeshRuns.Run r = run("--port", "sim:", "-c", "board.info().arch");
        assertEquals(0, r.code(), r.err());
        assertEquals("===> esp8266\n", r.out());
    }

    @Test
    void groovyCommandWithCodeEvaluatesIt() {
        SeshRuns.Run r = run("--port", "sim:", "groovy", "[1, 2].sum()");
        assertEquals(0, r.code(), r.err());
        assertEquals("===> 3\n", r.out());
    }

    @Test
    void inspectBoardExampleRunsOnTheSimulatedBoard() {
        SeshRuns.Run r = run("--port", "sim:", "run", Path.of("scripts/examples/inspect-board.groovy").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("board:   esp8266_"), r.out());
        assertTrue(r.out().contains("Sys      "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+i2c\\.enable\\s+true")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+sys\\.atca\\.enable\\s+false")), r.out());
    }

    @Test
    void eepromDumpExampleReadsAndSavesTheWholeMemory() throws IOException {
        Path saved = dir.resolve("eeprom.bin");
        SeshRuns.Run r = run("--port", "sim:", "run", Path.of("scripts/examples/eeprom-dump.groovy").toString(), "0x50", saved.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("00: 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  |................|\n"), r.out());
        assertTrue(r.out().contains("40: 40 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f  |@ABCDEFGHIJKLMNO|"), r.out());
        byte[] bytes = Files.readAllBytes(saved);
        assertEquals(256, bytes.length);
        for (int i = 0; i < 256; i++) assertEquals((byte) i, bytes[i], "byte " + i);
    }

    @Test
    void eepromDumpExampleNamesAnAbsentAddress() {
        SeshRuns.Run r = run("--port", "sim:", "run", Path.of("scripts/examples/eeprom-dump.groovy").toString(), "0x51");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: eeprom-dump.groovy:9: nothing answers at 0x51 (found: "), r.err());
        assertTrue(r.err().contains("0x50, 0x60)"), r.err());
    }

    @Test
    void aScriptsRawCallsAreStoppedAtTheLink() throws IOException {
        SeshRuns.Run r = run("--port", "sim:", "--yes", "run", script("raw.groovy", "board.raw('Sys.Reboot', '{}')\n"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("error: raw.groovy:1: refused: Sys.Reboot: reboots the board (reboot) changes the board and no approved plan covers it\n"), r.err());
        SeshRuns.Run w = run("--port", "sim:", "--yes", "run", script("rawi2c.groovy", "\ni2c.rawWrite(0x60, bytes('03 07 02 00'))\n"));
        assertEquals(3, w.code(), w.err());
        assertTrue(w.err().contains("rawi2c.groovy:2: refused: I2C write of 4 bytes to 0x60: an incomplete chip command"), w.err());
        SeshRuns.Run read = run("--port", "sim:", "run", script("rawread.groovy", "println board.raw('Sys.GetInfo', null).contains('\"fw_version\"')\n"));
        assertEquals(0, read.code(), read.err());
        assertEquals("true\n", read.out(), "reads need no plan");
    }

    @Test
    void inspectSlotsExampleListsSixteenSlotsAndExplainsTheOnesNamed() {
        SeshRuns.Run r = run("--port", "sim:", "run", Path.of("scripts/examples/inspect-slots.groovy").toString(), "8");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("ATECC508A S/N 0123[0-9a-f]{12}ee: config zone open, data zone open \\(via i2c\\)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("slot size key"), lines.get(1));
        for (int n = 0; n < 16; n++) assertTrue(lines.get(2 + n).startsWith(String.format("%-4d %-4d ", n, n < 8 ? 36 : n == 8 ? 416 : 72)), lines.get(2 + n));
        assertTrue(lines.get(19).startsWith("slot 8: "), r.out());
    }

    @Test
    void inspectSlotsExampleNamesTheLineOfABadSlot() {
        SeshRuns.Run r = run("--port", "sim:", "run", Path.of("scripts/examples/inspect-slots.groovy").toString(), "16");
        assertEquals(2, r.code(), r.err());
        assertEquals("error: inspect-slots.groovy:17: slot 16 does not exist\nhint: slots are 0-15\n", r.err());
    }

    @Test
    void theChipBackEndCannotChangeTheChipAroundTheGate() throws IOException {
        SeshRuns.Run r = run("--port", "sim:", "--yes-irreversible", "run", script("backend.groovy",
                "def z = atca.config()\natca.backend().lockConfig(dev.sesh.atca.packet.Crc16.of(z.bytes()))\n"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("error: backend.groovy:2: refused: I2C write of 8 bytes to 0x60: Lock config zone"), r.err());
    }

    @Test
    void provisionAwsExampleWithoutYesIsRefusedAtItsFirstChange() throws IOException {
        List<String> files = awsInputs();
        SeshRuns.Run r = run("--port", "sim:", "run", Path.of("scripts/examples/provision-aws.groovy").toString(),
                dev.sesh.testing.Vectors.referenceDir().resolve("atca-aws-test.yaml").toString(), files.get(0), files.get(1), files.get(2));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("provision-aws.groovy:37: "), r.err());
        assertFalse(r.out().contains("- config zone"), r.out());
    }

    @Test
    void theExamplesUseSeshsObjectsNotLibraryPlumbing() throws IOException {
        java.util.regex.Pattern plumbing = java.util.regex.Pattern.compile("(?m)^\\s*import\\s+(org\\.bouncycastle|com\\.fasterxml|javax\\.net|dev\\.sesh)");
        try (var files = Files.list(Path.of("scripts/examples"))) {
            List<Path> examples = files.filter(f -> f.toString().endsWith(".groovy")).toList();
            assertTrue(examples.size() >= 6, examples.toString());
            for (Path f : examples) {
                assertFalse(plumbing.matcher(Files.readString(f)).find(), f + " imports library or sesh internals");
                assertFalse(Files.readString(f).contains("dev.sesh."), f + " names sesh internals");
            }
        }
    }

    @Test
    void provisionAwsExampleRunsToTheEndThroughTheFirmwaresAtcaService() throws IOException {
        List<String> files = awsInputs();
        String board = "sim:" + dir.resolve("board");
        String[] args = {"--port", board, "--via", "rpc", "--yes-irreversible", "run", Path.of("scripts/examples/provision-aws.groovy").toString(),
                "scripts/examples/configs/atca-aws-test.yaml", files.get(0), files.get(1), files.get(2)};
        SeshRuns.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("- check: slot 0 signed a fresh digest; the signature verifies with the certificate's key"), r.out());
        assertTrue(r.out().endsWith("provisioned\n"), r.out());
        SeshRuns.Run again = run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("- config: already set"), again.out());
    }

    /** The key, its self-signed certificate and a write key for provision-aws.groovy, made in the test's folder. */
    private List<String> awsInputs() throws IOException {
        Path key = dir.resolve("ecc.key.pem");
        Path cert = dir.resolve("ecc.crt.pem");
        Path writeKey = dir.resolve("slot4.key");
        assertEquals(0, run("x509", "keygen", key.toString()).code());
        assertEquals(0, run("x509", "selfsign", key.toString(), cert.toString(), "--subject", "CN=sesh-test", "--days", "30").code());
        Files.writeString(writeKey, "5a".repeat(32) + "\n");
        return List.of(key.toString(), cert.toString(), writeKey.toString());
    }
}
