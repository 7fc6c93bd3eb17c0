package dev.sesh.cli;

import dev.sesh.testing.BoardSnapshot;
import dev.sesh.testing.Vectors;
import dev.sesh.testing.ReliabilityDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * design.md 5.7 on chip changes: when the board's reply to a chip write is lost (a dropped or late
 * frame, a cut link) sesh reads the chip back before deciding. The fault goes on the reply of one
 * request found in a clean {@code --debug} run's wire trace: the chip command itself (the chip did
 * it: the command succeeds and says the reply was lost) or the wake just before it (the chip never
 * got it: exit 4 with the state read back). Boards are {@code sim:PATH} copies of prepared ones.
 */
class ChipLostReplyTest {
    static final String WRITE_KEY = "5e1f0c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";
    static final String OTHER_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir static Path work;
    static Path home, configured, configLocked, dataLocked, wk, otherKey, privateKey;
    static Path lastClean, lastCell;
    static List<String> lastRequests = List.of();
    static final List<String> ROWS = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void boards() throws IOException {
        home = work.resolve("home");
        wk = Files.writeString(work.resolve("slot4.key"), WRITE_KEY + "\n");
        otherKey = Files.writeString(work.resolve("other.key"), OTHER_KEY + "\n");
        privateKey = Files.writeString(work.resolve("ecc.key.pem"), SecretScanTest.sec1Pem(SecretScanTest.PRIVATE));
        configured = work.resolve("configured");
        ok(configured, "--yes", "config", "set", "sys.atca.enable=true");
        ok(configured, "--yes", "atca", "config", "set", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString());
        configLocked = work.resolve("config-locked");
        BoardSnapshot.copy(configured, configLocked);
        ok(configLocked, "--yes-irreversible", "atca", "lock", "config");
        dataLocked = work.resolve("data-locked");
        BoardSnapshot.copy(configLocked, dataLocked);
        ok(dataLocked, "--yes", "atca", "key", "set", "4", wk.toString());
        ok(dataLocked, "--yes-irreversible", "atca", "lock", "data");
    }

    static SeshRuns.Run ok(Path board, String... args) {
        SeshRuns.Run r = on("sim:" + board, "i2c", List.of(), args);
        assertEquals(0, r.code(), List.of(args) + "\n" + r.err());
        return r;
    }

    static SeshRuns.Run on(String port, String via, List<String> options, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", port, "--via", via));
        all.addAll(options);
        all.addAll(Arrays.asList(args));
        return SeshRuns.run(home, all.toArray(String[]::new));
    }

    /**
     * Runs {@code args} cleanly with --debug on a copy of {@code template} and returns the 1-based
     * number of the reply to the first request (the connect's Sys.GetInfo is 1) matching {@code at}
     * (given the request and the one after it), moved by {@code shift}.
     */
    static int reply(Path template, String via, BiPredicate<String, String> at, int shift, String... args) throws IOException {
        Path clean = work.resolve("clean-" + System.nanoTime());
        lastClean = clean;
        BoardSnapshot.copy(template, clean);
        SeshRuns.Run r = on("sim:" + clean, via, List.of("--debug"), args);
        assertEquals(0, r.code(), r.err());
        List<String> requests = r.err().lines().filter(l -> l.startsWith("==> ")).toList();
        lastRequests = requests;
        for (int i = 0; i + 1 < requests.size(); i++) {
            if (at.test(requests.get(i), requests.get(i + 1))) return i + 1 + shift;
        }
        throw new AssertionError("no such request in\n" + String.join("\n", requests));
    }

    /**
     * The reply to the wake (an empty write to address 0) last sent before the request {@code at}
     * finds: the host driver keeps the chip awake between commands and wakes it afresh where a
     * change starts (atca.driver.AtcaDriver#startFresh), so the chip never got anything after it.
     */
    static int wakeBefore(Path template, BiPredicate<String, String> at, String... args) throws IOException {
        int n = reply(template, "i2c", at, 0, args);
        for (int i = n - 1; i >= 1; i--) if (lastRequests.get(i - 1).contains("\"addr\":0,\"data_hex\":\"\"")) return i;
        throw new AssertionError("no wake before request " + n + " in\n" + String.join("\n", lastRequests));
    }

    /** The chip command written as {@code bytes} bytes (word address included) whose answer is read as {@code len} bytes. */
    static BiPredicate<String, String> chipCommand(int bytes, int len) {
        return (req, next) -> req.contains("\"addr\":96,\"data_hex\":\"<redacted " + bytes + " bytes>\"") && next.contains("\"len\":" + len + "}");
    }

    /**
     * One cell: runs {@code args} on a fresh copy of {@code template} with {@code fault} on reply
     * {@code n} and records it for docs/reliability.md; {@link #lastCell} is the board afterwards.
     */
    static SeshRuns.Run cell(String change, String where, Path template, String via, String fault, int n, String... args) throws IOException {
        Path cell = work.resolve("cell-" + System.nanoTime());
        BoardSnapshot.copy(template, cell);
        SeshRuns.Run r = on("sim:" + cell + "?faults=" + fault + "@" + n + "&seed=11", via, List.of("--timeout", "0.5"), args);
        lastCell = cell;
        // A PEM result: the line worth showing is the note on stderr after it.
        String said = r.code() != 0 ? r.errorLine() : r.out().startsWith("-----BEGIN") ? r.err().strip().lines().reduce((a, b) -> b).orElse("") : r.out().strip();
        ROWS.add("| " + change + " | " + where + " | `" + fault + "@" + n + "` | " + r.code() + " | `" + said.replace(work.toString() + "/", "").replace("|", "\\|") + "` |");
        return r;
    }

    @AfterAll
    static void writeTable() {
        if (ROWS.isEmpty()) return;
        ReliabilityDoc.section("lost-reply", "## Lost replies of chip writes (design.md 5.7)\n\nWritten by `ChipLostReplyTest`. The fault goes on "
                + "the reply to the chip command itself (the chip did it) or to the wake pulse just before it (the chip never got the "
                + "command); sesh reads the chip back before deciding (docs/decisions.md D-host-3). `--via i2c` unless the change says rpc, "
                + "`--timeout 0.5`, `seed=11`.\n\n| change | fault on the reply to | fault | exit | result or error line |\n|---|---|---|---|---|\n"
                + String.join("\n", ROWS.stream().sorted().toList()) + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"drop", "delay=1500"})
    void encryptedPrivWriteWhoseReplyIsLostIsReadBackAndDone(String fault) throws IOException {
        String[] args = {"--yes-irreversible", "atca", "key", "set", "0", privateKey.toString(), "--write-key", wk.toString()};
        int n = reply(dataLocked, "i2c", chipCommand(76, 4), 0, args);
        SeshRuns.Run r = cell("atca key set 0 (encrypted PrivWrite)", "PrivWrite", dataLocked, "i2c", fault, n, args);
        assertEquals(0, r.code(), r.err());
        assertEquals("slot 0 written (encrypted PrivWrite); public key read back from the chip matches " + privateKey
                + " (the board's reply to the write was lost; this read-back shows it took effect)\n", r.out());
        assertTrue(BoardSnapshot.of(lastCell).sameAs(BoardSnapshot.of(lastClean)), "the chip is as after a clean run");
    }

    @Test
    void privWriteThatNeverReachedTheChipFailsWithTheStateReadBack() throws IOException {
        String[] args = {"--yes-irreversible", "atca", "key", "set", "0", privateKey.toString(), "--write-key", wk.toString()};
        // The wake that starts the sequence (Read serial, Nonce, GenDig, PrivWrite): its empty write to address 0 loses its reply.
        int n = wakeBefore(dataLocked, chipCommand(12, 4), args);
        SeshRuns.Run r = cell("atca key set 0 (encrypted PrivWrite)", "wake before the PrivWrite sequence", dataLocked, "i2c", "drop", n, args);
        assertEquals(4, r.code(), r.err());
        assertEquals("error: board did not answer I2C.Write within 500 ms; read back: slot 0 still holds no key, nothing was written", r.errorLine());
        assertTrue(r.err().contains("hint: run the same atca key set again: it writes the key only if the slot does not hold it yet"), r.err());
        assertTrue(BoardSnapshot.of(lastCell).sameAs(BoardSnapshot.of(dataLocked)), "the board is as before");
    }

    @Test
    void aCutLinkSaysTheChipCouldNotBeReadBack() throws IOException {
        String[] args = {"--yes-irreversible", "atca", "key", "set", "0", privateKey.toString(), "--write-key", wk.toString()};
        int n = reply(dataLocked, "i2c", chipCommand(76, 4), 0, args);
        SeshRuns.Run r = cell("atca key set 0 (encrypted PrivWrite)", "PrivWrite", dataLocked, "i2c", "cut", n, args);
        assertEquals(4, r.code());
        assertEquals("error: connection to sim closed; the chip could not be read back to tell whether the private key write happened", r.errorLine());
        assertTrue(r.unclearFailure().isEmpty(), r.err());
    }

    @Test
    void atcaSetKeyOverRpcWhoseReplyIsLostIsReadBackWithGetPubKey() throws IOException {
        String[] args = {"--yes-irreversible", "atca", "key", "set", "0", privateKey.toString(), "--write-key", wk.toString()};
        int n = reply(dataLocked, "rpc", (req, next) -> req.contains("\"method\":\"ATCA.SetKey\""), 0, args);
        SeshRuns.Run r = cell("atca key set 0, rpc (ATCA.SetKey)", "ATCA.SetKey", dataLocked, "rpc", "drop", n, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("(the board's reply to the write was lost; this read-back shows it took effect)\n"), r.out());
    }

    @Test
    void genKeyWhoseReplyIsLostFindsTheNewKeyAndPrintsIt() throws IOException {
        String[] args = {"--yes-irreversible", "atca", "key", "gen", "1"};
        int[] seen = {0};
        // GenKey mode 0 (is a key there?) first, then GenKey mode 4: both 8-byte commands with a 67-byte answer.
        int n = reply(dataLocked, "i2c", (req, next) -> chipCommand(8, 67).test(req, next) && ++seen[0] == 2, 0, args);
        SeshRuns.Run r = cell("atca key gen 1", "GenKey", dataLocked, "i2c", "drop", n, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("generated a new P-256 key in slot 1; the board's reply was lost, the read-back shows it took effect "
                + "(slot 1 holds a new key (public key SHA-256 "), r.err());
        assertEquals(ok(lastCell, "atca", "key", "pub", "1").out(), r.out(), "the PEM printed is the key the slot holds");
    }

    @Test
    void configLockWhoseReplyIsLostIsReadBackAndDone() throws IOException {
        String[] args = {"--yes-irreversible", "atca", "lock", "config"};
        int n = reply(configured, "i2c", chipCommand(8, 4), 0, args);
        SeshRuns.Run r = cell("atca lock config", "Lock", configured, "i2c", "drop", n, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("config zone locked \\(CRC 0x[0-9A-F]{4} accepted by the chip\\); the board's reply was lost, "
                + "the read-back shows it took effect \\(LockConfig reads locked\\)\n"), r.out());
        assertTrue(BoardSnapshot.of(lastCell).sameAs(BoardSnapshot.of(lastClean)), "locked as by a clean run");
    }

    @Test
    void configLockThatNeverReachedTheChipSaysItIsStillUnlocked() throws IOException {
        String[] args = {"--yes-irreversible", "atca", "lock", "config"};
        int n = wakeBefore(configured, chipCommand(8, 4), args);
        SeshRuns.Run r = cell("atca lock config", "wake before Lock", configured, "i2c", "drop", n, args);
        assertEquals(4, r.code(), r.err());
        assertEquals("error: board did not answer I2C.Write within 500 ms; read back: the config zone is still unlocked, nothing was locked", r.errorLine());
        assertTrue(BoardSnapshot.of(lastCell).sameAs(BoardSnapshot.of(configured)));
    }

    @Test
    void secretKeyWriteWhoseReplyIsLostIsCheckedWithAMacOfTheSlot() throws IOException {
        String[] args = {"--yes", "atca", "key", "set", "4", otherKey.toString()};
        int n = reply(dataLocked, "i2c", chipCommand(40, 4), 0, args);
        SeshRuns.Run r = cell("atca key set 4 (secret data slot)", "Write", dataLocked, "i2c", "drop", n, args);
        assertEquals(0, r.code(), r.err());
        assertEquals("slot 4 written (32 bytes from " + otherKey + ", Write in the clear); the board's reply was lost, "
                + "the read-back shows it took effect (a MAC with slot 4's key matches " + otherKey + ")\n", r.out());
        assertTrue(!r.err().contains(OTHER_KEY) && !r.out().contains(OTHER_KEY), "the key stays off the output");
    }

    @Test
    void secretKeyWriteThatNeverHappenedFindsTheOldKeyByMac() throws IOException {
        String[] args = {"--yes", "atca", "key", "set", "4", otherKey.toString()};
        int n = wakeBefore(dataLocked, chipCommand(40, 4), args);
        SeshRuns.Run r = cell("atca key set 4 (secret data slot)", "wake before Write", dataLocked, "i2c", "drop", n, args);
        assertEquals(4, r.code(), r.err());
        assertEquals("error: board did not answer I2C.Write within 500 ms; read back: a MAC with slot 4's key does not match " + otherKey
                + ", so the slot holds another key", r.errorLine());
    }

    @Test
    void configWriteCutShortIsNamedAsPartlyWritten() throws IOException {
        Path factory = work.resolve("factory");
        if (!Files.exists(factory)) ok(factory, "--yes", "config", "set", "sys.atca.enable=true");
        String[] args = {"--yes", "atca", "config", "set", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString()};
        // The wake before the 7th 4-byte config Write (word address, 7-byte header and CRC, 4 data bytes: 12 bytes).
        int[] seen = {0};
        int n = reply(factory, "i2c", (req, next) -> chipCommand(12, 4).test(req, next) && ++seen[0] == 7, -2, args);
        SeshRuns.Run r = cell("atca config set", "wake before the 7th Write", factory, "i2c", "drop", n, args);
        assertEquals(4, r.code(), r.err());
        assertTrue(r.errorLine().matches("error: board did not answer I2C.Write within 500 ms; read back: the config zone is partly written, "
                + "\\d+ bytes still differ \\(atca config diff FILE lists them\\)"), r.errorLine());
        assertEquals(0, ok(lastCell, args).code(), "a rerun completes it");
    }
}
