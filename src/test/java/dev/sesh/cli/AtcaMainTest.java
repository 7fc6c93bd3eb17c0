package dev.sesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.atca.config.ConfigCodec;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The atca commands as a user runs them without a TTY, one command per run on a persistent simulated board. */
class AtcaMainTest {
    @TempDir Path home;
    @TempDir Path boardDir;

    SeshRuns.Run run(String... args) { return SeshRuns.run(home, args); }

    /** A run against this test's board folder, with the back end {@code via} and more options. */
    SeshRuns.Run on(String via, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + boardDir + "?baud=0", "--via", via));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    void enableAtcaService() {
        SeshRuns.Run r = run("--port", "sim:" + boardDir + "?baud=0", "--yes", "config", "set", "sys.atca.enable=true");
        assertEquals(0, r.code(), r.err());
    }

    static String awsYaml() { return Vectors.referenceDir().resolve("atca-aws-test.yaml").toString(); }

    ConfigZone chipConfig(String via) {
        SeshRuns.Run r = on(via, "atca", "config", "show", "--format", "hex");
        assertEquals(0, r.code(), r.err());
        return ConfigCodec.HEX.decode(r.out(), "stdout");
    }

    /** The console on this test's board, lines typed in, the whole transcript (stdout and stderr) out. */
    String console(String typed, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + boardDir + "?baud=0"));
        all.addAll(List.of(args));
        SeshRuns.Run r = SeshRuns.interleaved(home, typed, all.toArray(String[]::new));
        assertEquals(0, r.code());
        return r.out().replace("\r", "");
    }

    @ParameterizedTest @ValueSource(strings = {"i2c", "rpc"})
    void awsFlowChipPartThroughTheConsole(String via) throws Exception {
        String typed = (via.equals("rpc") ? "config set sys.atca.enable=true\n" : "")
                + "atca config set " + awsYaml() + "\natca lock config\natca lock data\natca config show --format hex\nexit\n";
        String t = console(typed, "--via", via, "--yes-irreversible");
        assertTrue(t.contains("read back: matches"), t);
        assertTrue(t.lines().anyMatch(l -> l.matches("\\s*slot 0 +WriteConfig +Always -> Encrypt\\(6\\)")), t);
        assertTrue(t.contains(via.equals("i2c") ? "config zone locked (CRC 0x" : "ATCA.LockZone carries no CRC"), t);
        assertTrue(t.contains("data zone locked (sent without CRC after the read-back)"), t);
        assertTrue(t.contains("sesh [sim ATECC508A cfg:locked data:locked]> "), t);

        String hex = String.join("\n", t.lines().map(l -> l.replaceFirst("^sesh \\[[^]]*\\]> ", "")).filter(l -> l.matches("(0x[0-9a-f]{2}, ?)+|(0x[0-9a-f]{2}, ){3}0x[0-9a-f]{2}")).toList());
        ConfigZone chip = ConfigCodec.HEX.decode(hex, "transcript");
        ConfigZone yaml = ConfigCodec.YAML.decode(Files.readString(Path.of(awsYaml())), "aws");
        assertEquals(yaml.bytes().slice(16, 84), chip.bytes().slice(16, 84));
        assertEquals(yaml.bytes().slice(88, 128), chip.bytes().slice(88, 128));
        assertEquals("00000000", chip.bytes().slice(84, 88).hex(), "vector chip_image_after_data_lock: bytes 84-87");
    }

    @ParameterizedTest @ValueSource(strings = {"i2c", "rpc"})
    void atcaInfoSaysWhichBackEndAndHowTheChipWasTold(String via) {
        if (via.equals("rpc")) enableAtcaService();
        SeshRuns.Run r = on(via, "atca", "info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(via.equals("i2c") ? "ATECC508A (Info command, revision 0x5000)" : "ATECC508A (config bytes 4-7, revision 0x5000)"), r.out());
        assertTrue(r.out().contains("back end     " + via + ": asked for with --via " + via), r.out());
        assertTrue(r.out().contains("config zone  open"), r.out());
    }

    @Test
    void atcaInfoWithoutViaChoosesTheHostDriverAndSaysWhy() {
        SeshRuns.Run r = run("--port", "sim:?baud=0", "atca", "info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("i2c: I2C.Scan found the chip at 0x60"), r.out());
    }

    @Test
    void atcaOverRpcWithoutTheServiceSaysHowToEnableIt() {
        SeshRuns.Run r = run("--port", "sim:?baud=0", "--via", "rpc", "atca", "info");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: the board's ATCA service is not running"), r.err());
        assertTrue(r.err().contains("hint: config set sys.atca.enable=true"), r.err());
    }

    @Test
    void lockWithoutATerminalIsRefusedWithExit3() {
        SeshRuns.Run r = on("i2c", "atca", "lock", "config");
        assertEquals(3, r.code(), r.err());
        assertFalse(chipConfig("i2c").lockState().configLocked());
    }

    @Test
    void yesAloneDoesNotLock() {
        SeshRuns.Run r = on("i2c", "--yes", "atca", "lock", "config");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("--yes-irreversible"), r.err());
        assertFalse(chipConfig("i2c").lockState().configLocked());
    }

    @ParameterizedTest @ValueSource(strings = {"i2c", "rpc"})
    void lockingALockedZoneSaysAlreadyLockedAndExits0(String via) {
        if (via.equals("rpc")) enableAtcaService();
        assertEquals(0, on(via, "--yes-irreversible", "atca", "lock", "config").code());
        SeshRuns.Run again = on(via, "--yes-irreversible", "atca", "lock", "config");
        assertEquals(0, again.code(), again.err());
        assertEquals("config zone: already locked\n", again.out());
    }

    @Test
    void configSetAfterTheConfigLockIsRefusedWithOneLine() {
        assertEquals(0, on("i2c", "--yes-irreversible", "atca", "lock", "config").code());
        SeshRuns.Run r = on("i2c", "--yes", "atca", "config", "set", awsYaml());
        assertEquals(1, r.code());
        assertTrue(r.err().matches("error: the config zone of ATECC508A S/N [0-9a-f]{18} is locked: it can never be written again\nhint: .*\n"), r.err());
    }

    @Test
    void badConfigFileIsExit2AndNothingIsSent() throws Exception {
        Path bad = home.resolve("bad.yaml");
        Files.writeString(bad, "slotinfo: [\n");
        SeshRuns.Run r = on("i2c", "--yes", "atca", "config", "set", bad.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void rawIsRefusedOverRpcWithTheReason() {
        enableAtcaService();
        SeshRuns.Run r = on("rpc", "atca", "raw", "0x30", "0", "0");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: cannot send a raw command over ATCA.* RPC"), r.err());
        assertTrue(r.err().contains("hint: use --via i2c"), r.err());
    }

    @Test
    void promptShowsTheChipAndItsLocksOnceAnAtcaCommandReadIt() {
        SeshRuns.Run r = SeshRuns.interleaved(home, "atca info\nexit\n", "--port", "sim:?baud=0", "--via", "i2c");
        assertEquals(0, r.code());
        String t = r.out();
        assertTrue(t.contains("sesh [sim]> "), t);
        assertTrue(t.contains("sesh [sim ATECC508A cfg:open data:open]> "), t);
    }

    @ParameterizedTest @ValueSource(strings = {"i2c", "rpc"})
    void a608IsToldApartOnBothBackEnds(String via) {
        String port = "sim:" + boardDir + "?chip=608a&baud=0";
        if (via.equals("rpc")) assertEquals(0, run("--port", port, "--yes", "config", "set", "sys.atca.enable=true").code());
        SeshRuns.Run r = run("--port", port, "--via", via, "atca", "info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(via.equals("i2c") ? "ATECC608A (Info command, revision 0x6002)" : "ATECC608A (config bytes 4-7"), r.out());
    }

    @Test
    void configWithALintErrorIsNotCoveredByYesAlone() throws Exception {
        ConfigZone aws = ConfigCodec.YAML.decode(Files.readString(Path.of(awsYaml())), "aws");
        Path bad = home.resolve("readable-key.yaml");
        Files.writeString(bad, ConfigCodec.YAML.encode(aws.withSlotConfig(0, aws.slotConfig(0).withIsSecret(false))));
        SeshRuns.Run r = on("i2c", "--yes", "atca", "config", "set", bad.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.trim().startsWith("error slot 0")), r.err());
        assertEquals(0, on("i2c", "--yes-irreversible", "atca", "config", "set", bad.toString()).code());
    }
}
