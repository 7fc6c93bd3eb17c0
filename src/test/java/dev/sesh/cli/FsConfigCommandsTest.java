package dev.sesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fs and config commands end to end through Main, on a simulated board kept in a folder between runs. */
class FsConfigCommandsTest {
    @TempDir Path home;
    @TempDir Path work;

    record Run(int code, byte[] outBytes, String err) {
        String out() { return new String(outBytes, StandardCharsets.UTF_8); }
    }

    private String port() { return "sim:" + work.resolve("board"); }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main m = new Main(Map.of("SESH_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, List::of);
        int code = m.run(args);
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    Run sesh(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "--port";
        args[1] = port();
        System.arraycopy(words, 0, args, 2, words.length);
        return run(args);
    }

    private Path local(String name, byte[] data) throws Exception {
        Path p = work.resolve(name);
        Files.write(p, data);
        return p;
    }

    @Test
    void putShowsThePlanAndCatGivesBackTheBinaryBytes() throws Exception {
        byte[] data = new byte[3000];
        new Random(4).nextBytes(data);
        Path f = local("blob.bin", data);
        Run put = sesh("--yes", "fs", "put", f.toString());
        assertEquals(0, put.code(), put.err());
        assertTrue(put.err().contains("plan: put blob.bin (3000 B) as blob.bin (new file;"), put.err());
        assertTrue(put.err().contains("blob.bin  2.9 KB  put in"), put.err());
        assertEquals(0, put.outBytes().length, "nothing on stdout");
        Run cat = sesh("fs", "cat", "blob.bin");
        assertEquals(0, cat.code(), cat.err());
        assertArrayEquals(data, cat.outBytes());
    }

    @Test
    void putWithoutYesOrTerminalIsRefusedAndChangesNothing() throws Exception {
        Path f = local("a.txt", "hello".getBytes());
        Run r = sesh("fs", "put", f.toString());
        assertEquals(3, r.code(), r.err());
        Run ls = sesh("fs", "ls");
        assertFalse(ls.out().contains("a.txt"), ls.out());
    }

    @Test
    void getWritesTheLocalFileAndLsShowsSizes() throws Exception {
        sesh("--yes", "fs", "put", local("b.txt", "0123456789".getBytes()).toString(), "c.txt");
        Path to = work.resolve("copy.txt");
        Run get = sesh("fs", "get", "c.txt", to.toString());
        assertEquals(0, get.code(), get.err());
        assertEquals("0123456789", Files.readString(to));
        Run ls = sesh("fs", "ls", "-l");
        assertTrue(ls.out().lines().anyMatch(l -> l.matches("c\\.txt\\s+10")), ls.out());
        Run json = sesh("--json", "fs", "ls", "-l");
        JsonNode files = new ObjectMapper().readTree(json.out());
        assertTrue(files.toString().contains("{\"name\":\"c.txt\",\"size\":10}"), json.out());
    }

    @Test
    void rmAndMvChangeTheBoardAfterTheGate() throws Exception {
        sesh("--yes", "fs", "put", local("m.txt", "x".getBytes()).toString());
        assertEquals(0, sesh("--yes", "fs", "mv", "m.txt", "n.txt").code());
        assertEquals(List.of("conf0.json", "n.txt"), sesh("fs", "ls").out().lines().toList());
        Run rm = sesh("--yes", "fs", "rm", "n.txt");
        assertEquals(0, rm.code(), rm.err());
        assertFalse(sesh("fs", "ls").out().contains("n.txt"));
    }

    @Test
    void putToTheRootKeepsTheLocalName() throws Exception {
        Run r = sesh("--yes", "fs", "put", local("root.txt", "r".getBytes()).toString(), "/");
        assertEquals(0, r.code(), r.err());
        assertTrue(sesh("fs", "ls").out().lines().anyMatch("root.txt"::equals));
    }

    @Test
    void dfPrintsSizeUsedFree() throws Exception {
        Run r = sesh("--json", "fs", "df");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(233681, n.path("size").asLong());
        assertTrue(n.path("free").asLong() > 200_000);
    }

    @Test
    void badFileInputsAreOneLineWithAHintAndTheRightExitCode() throws Exception {
        Path f = local("ok.txt", "data".getBytes());
        assertBad(sesh("--yes", "fs", "put", work.resolve("missing.pem").toString()), 2, "no such local file");
        assertBad(sesh("fs", "cat", "absent.txt"), 2, "no file absent.txt on the board");
        assertBad(sesh("fs", "get", "absent.txt"), 2, "no file absent.txt on the board");
        assertBad(sesh("--yes", "fs", "put", f.toString(), "naïve.txt"), 2, "U+00EF");
        assertBad(sesh("--yes", "fs", "put", f.toString(), "x".repeat(48)), 2, "at most 47");
        Path huge = local("huge.bin", new byte[240_000]);
        assertBad(sesh("--yes", "fs", "put", huge.toString()), 1, "does not fit");
        assertBad(sesh("--yes", "fs", "rm", "absent.txt"), 2, "no file absent.txt");
        assertEquals(List.of("conf0.json"), sesh("fs", "ls").out().lines().toList(), "nothing changed");
    }

    @Test
    void configSetRebootsAndTheNewValueIsThereAfterwards() {
        Run set = sesh("--yes", "config", "set", "http.listen_addr=:443", "http.ssl_key=ATCA:0");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.err().contains("plan: set 2 keys and reboot the board"), set.err());
        assertTrue(set.err().contains("http.listen_addr  80  -> :443"), set.err());
        assertTrue(set.err().matches("(?s).*saved; board back after \\d+\\.\\d s.*"), set.err());
        Run get = sesh("config", "get", "http.listen_addr");
        assertEquals(":443\n", get.out());
        Run diff = sesh("config", "diff");
        assertTrue(diff.out().lines().anyMatch(l -> l.matches("http\\.ssl_key\\s+\"\"\\s+ATCA:0")), diff.out());
    }

    @Test
    void configGetPrintsGroupsAsJsonAndScalarsBare() throws Exception {
        Run group = sesh("config", "get", "i2c");
        assertEquals(0, group.code(), group.err());
        assertEquals(12, new ObjectMapper().readTree(group.out()).path("sda_gpio").asInt());
        assertEquals("true\n", sesh("config", "get", "i2c.enable").out());
        assertEquals("\"80\"\n", sesh("--json", "config", "get", "http.listen_addr").out());
        assertTrue(sesh("config", "keys").out().lines().anyMatch("sys.atca.i2c_addr"::equals));
    }

    @Test
    void badConfigInputsAreOneLineAndNothingIsSent() {
        Run unknown = sesh("--yes", "config", "set", "http.listen_adr=:443");
        assertBad(unknown, 2, "unknown config key 'http.listen_adr'");
        assertTrue(unknown.err().contains("hint: did you mean http.listen_addr"), unknown.err());
        assertBad(sesh("--yes", "config", "set", "i2c.enable=yes"), 2, "i2c.enable is a boolean; 'yes' is not");
        assertBad(sesh("--yes", "config", "set", "i2c.freq=fast"), 2, "i2c.freq is an integer");
        assertBad(sesh("--yes", "config", "set", "i2c.freq"), 2, "missing value for \"i2c.freq\"");
        assertBad(sesh("config", "get", "nope.key"), 2, "unknown config key 'nope.key'");
        assertEquals("80\n", sesh("config", "get", "http.listen_addr").out());
    }

    @Test
    void consoleRunsTheGroupsAndBareGroupNamesListOrPrint() {
        SeshRuns.Run r = SeshRuns.interleaved(home, "fs\nfs df\nconfig get i2c.sda_gpio\nconfig\nexit\n");
        assertEquals(0, r.code());
        String t = r.out();
        assertTrue(t.contains("conf0.json"), t);
        assertTrue(t.contains("233681"), t);
        assertTrue(t.lines().anyMatch(l -> l.endsWith("12")), t);
        assertTrue(t.contains("\"listen_addr\": \"80\""), t);
    }

    private static void assertBad(Run r, int code, String message) {
        assertEquals(code, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(message), r.err());
        assertTrue(r.err().contains("hint: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
