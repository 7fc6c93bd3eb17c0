package dev.sesh.cli;

import dev.sesh.testing.BoardSnapshot;
import dev.sesh.testing.ReliabilityDoc;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault kind of the simulated board x every changing or long operation, each run through the
 * whole program on a {@code sim:PATH} board prepared for it (docs/reliability.md, "Fault matrix").
 *
 * <p>Where the fault hits: a clean run of the operation with {@code --debug} counts the reply frames
 * in its wire trace ({@code <== } lines, the connect's Sys.GetInfo included); the fault goes on the
 * middle one, {@code N = count / 2 + 1}, so it lands inside the operation (the 3rd of 4 replies of a
 * two-chunk put, the write commands of a config-zone write).
 *
 * <p>Each cell: the faulty run ends with exit 0 or with exactly one {@code error:} line (at most one
 * {@code hint:}, no stack trace) and a non-zero exit; the board is then in the old state, the new one,
 * or an intermediate state this test names; a rerun without faults exits 0 and leaves the new state.
 */
class FaultMatrixTest {
    static final long SEED = 11;
    static final String TIMEOUT = "0.5";
    static final List<String> FAULTS = List.of("junk", "drop", "flip", "crc", "delay=4000", "reboot", "cut", "xoff=1000");

    @TempDir static Path work;
    static final Map<String, Map<String, String>> RESULTS = new ConcurrentHashMap<>();
    static final Map<String, Integer> POSITIONS = new ConcurrentHashMap<>();

    /** Local files the operations read: a multi-chunk payload, the article's chip config, keys and a certificate. */
    record LocalFiles(Path data, Path yaml, Path getTarget, Path writeKey, Path privateKey, Path cert) { }

    interface Setup { void prepare(Path home, Path board, LocalFiles files); }

    /**
     * One operation of the matrix. {@code intermediate} names a state between old and new from the
     * set of files that differ from the old state, or returns empty when it is not a known one.
     */
    record Op(String name, Setup setup, java.util.function.Function<LocalFiles, List<String>> args,
              java.util.function.Function<Set<String>, Optional<String>> intermediate) {
        @Override public String toString() { return name; }
    }

    static List<Op> ops() {
        return List.of(
                new Op("info", (h, b, f) -> { }, f -> List.of("info"), d -> Optional.empty()),
                new Op("fs put", (h, b, f) -> { }, f -> List.of("--yes", "fs", "put", f.data().toString(), "data.bin"),
                        d -> d.stream().allMatch(n -> n.startsWith("fs/%2Esesh-put-"))
                                ? Optional.of("temp file of the interrupted put (target untouched; the rerun removes it)") : Optional.empty()),
                new Op("fs get", (h, b, f) -> ok(h, b, "--yes", "fs", "put", f.data().toString(), "data.bin"),
                        f -> List.of("fs", "get", "data.bin", f.getTarget().toString()), d -> Optional.empty()),
                new Op("config set", (h, b, f) -> { },
                        f -> List.of("--yes", "config", "set", "wifi.sta.ssid=lab", "wifi.sta.enable=true"), d -> Optional.empty()),
                new Op("atca config set", (h, b, f) -> { }, f -> List.of("--yes", "atca", "config", "set", f.yaml().toString()),
                        d -> d.equals(Set.of("atecc.bin"))
                                ? Optional.of("config zone partly written (atca config diff shows the rest; the rerun writes it)") : Optional.empty()),
                new Op("atca lock config", (h, b, f) -> ok(h, b, "--yes", "atca", "config", "set", f.yaml().toString()),
                        f -> List.of("--yes-irreversible", "atca", "lock", "config"), d -> Optional.empty()),
                new Op("atca key set (no write key)", (h, b, f) -> {
                            ok(h, b, "--yes", "atca", "config", "set", f.yaml().toString());
                            ok(h, b, "--yes-irreversible", "atca", "lock", "config");
                        }, f -> List.of("--yes", "atca", "key", "set", "4", f.writeKey().toString()), d -> Optional.empty()),
                new Op("atca key set (write key)", (h, b, f) -> {
                            ok(h, b, "--yes", "atca", "config", "set", f.yaml().toString());
                            ok(h, b, "--yes-irreversible", "atca", "lock", "config");
                            ok(h, b, "--yes", "atca", "key", "set", "4", f.writeKey().toString());
                            ok(h, b, "--yes-irreversible", "atca", "lock", "data");
                        }, f -> List.of("--yes-irreversible", "atca", "key", "set", "0", f.privateKey().toString(), "--write-key", f.writeKey().toString()),
                        d -> Optional.empty()),
                new Op("provisioning script", (h, b, f) -> { },
                        f -> List.of("--yes-irreversible", "run", "scripts/examples/provision-aws.groovy", f.yaml().toString(),
                                f.privateKey().toString(), f.cert().toString(), f.writeKey().toString()),
                        d -> d.stream().allMatch(n -> n.equals("atecc.bin") || n.equals("fs/conf9.json") || n.equals("fs/device-key.crt.pem")
                                || n.startsWith("fs/%2Esesh-put-"))
                                ? Optional.of("between steps (the zones, keys, certificate or config done so far; the script skips them on the rerun)")
                                : Optional.empty()));
    }

    static void ok(Path home, Path board, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + board));
        all.addAll(Arrays.asList(args));
        SeshRuns.Run r = SeshRuns.run(home, all.toArray(String[]::new));
        assertEquals(0, r.code(), "setup " + all + "\n" + r.err());
    }

    static LocalFiles files() throws IOException {
        Path dir = work.resolve("files");
        Files.createDirectories(dir);
        byte[] data = new byte[6000];                         // three FS.Put chunks (2880 bytes each at most)
        new Random(SEED).nextBytes(data);
        Path d = Files.write(dir.resolve("data.bin"), data);
        Path yaml = Vectors.referenceDir().resolve("atca-aws-test.yaml");
        Path wk = Files.writeString(dir.resolve("write-key.hex"), java.util.HexFormat.of().formatHex(SecretScanTest.WRITE_KEY) + "\n");
        Path pem = dir.resolve("device-key.pem");
        Path cert = dir.resolve("device-key.crt.pem");
        if (!Files.exists(pem)) {
            Files.writeString(pem, SecretScanTest.sec1Pem(SecretScanTest.PRIVATE));
            SeshRuns.Run r = SeshRuns.run(work.resolve("home"), "x509", "selfsign", pem.toString(), cert.toString(), "--subject", "CN=matrix", "--days", "365");
            assertEquals(0, r.code(), r.err());
        }
        return new LocalFiles(d, yaml, dir.resolve("got.bin"), wk, pem, cert);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void everyFaultEndsInAKnownStateAndARerunCompletes(Op op) throws IOException {
        LocalFiles f = files();
        Path opDir = work.resolve(op.name().replace(' ', '-'));
        Path home = opDir.resolve("home");
        Path template = opDir.resolve("template");
        op.setup().prepare(home, template, f);
        ok(home, template, "info");                              // the folder exists even for setups that did nothing
        BoardSnapshot old = BoardSnapshot.of(template);

        Path cleanDir = opDir.resolve("clean");
        BoardSnapshot.copy(template, cleanDir);
        SeshRuns.Run clean = runOp(home, "sim:" + cleanDir, op, f, "--debug");
        assertEquals(0, clean.code(), "clean run of " + op + "\n" + clean.err());
        BoardSnapshot fresh = BoardSnapshot.of(cleanDir);
        int replies = (int) clean.err().lines().filter(l -> l.startsWith("<== ")).count();
        int n = replies / 2 + 1;
        POSITIONS.put(op.name(), n);
        Files.deleteIfExists(f.getTarget());

        Map<String, String> row = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String fault : FAULTS) {
            Path cell = opDir.resolve("cell-" + fault.replaceAll("[^a-z0-9]", "_"));
            BoardSnapshot.copy(template, cell);
            String port = "sim:" + cell + "?faults=" + fault + "@" + n + "&seed=" + SEED;
            SeshRuns.Run faulty = runOp(home, port, op, f, "--timeout", TIMEOUT);
            BoardSnapshot after = BoardSnapshot.of(cell);
            String where = op + " x " + fault;
            String state;
            if (after.sameAs(old)) state = "old";
            else if (after.sameAs(fresh)) state = "new";
            else state = op.intermediate().apply(after.differences(old)).map(s -> "intermediate: " + s)
                    .orElse("UNKNOWN (differs in " + after.differences(old) + ")");
            if (state.startsWith("UNKNOWN")) problems.add(where + ": " + state);
            faulty.unclearFailure().ifPresent(p -> problems.add(where + ": " + p + "\n" + faulty.err()));
            if (faulty.code() == 0 && !state.equals("new") && !old.sameAs(fresh)) problems.add(where + ": exit 0 but state " + state);
            if (op.name().equals("fs get")) checkLocalFile(f, faulty, problems, where);
            Files.deleteIfExists(f.getTarget());

            SeshRuns.Run rerun = runOp(home, "sim:" + cell, op, f);
            BoardSnapshot done = BoardSnapshot.of(cell);
            if (rerun.code() != 0) problems.add(where + ": rerun exit " + rerun.code() + " " + rerun.errorLine());
            if (!done.sameAs(fresh)) problems.add(where + ": rerun left " + done.differences(fresh) + " different from the clean run");
            Files.deleteIfExists(f.getTarget());
            String outcome = faulty.code() == 0 ? "ok" : "exit " + faulty.code() + ": `" + faulty.errorLine().replace("|", "\\|") + "`";
            row.put(fault, outcome + "; state " + state + "; rerun " + (rerun.code() == 0 && done.sameAs(fresh) ? "completes" : "FAILS"));
        }
        RESULTS.put(op.name(), row);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The local file of a get appears only complete: absent after a failure, whole after success. */
    private static void checkLocalFile(LocalFiles f, SeshRuns.Run r, List<String> problems, String where) throws IOException {
        boolean exists = Files.exists(f.getTarget());
        if (r.code() != 0 && exists) problems.add(where + ": failed get left a local file");
        if (r.code() == 0 && (!exists || !Arrays.equals(Files.readAllBytes(f.getTarget()), Files.readAllBytes(f.data())))) {
            problems.add(where + ": get reported success with a wrong local file");
        }
        try (var leftovers = Files.list(f.getTarget().getParent())) {
            List<String> names = leftovers.map(p -> p.getFileName().toString()).filter(s -> s.startsWith("got.bin") && !s.equals("got.bin")).toList();
            if (!names.isEmpty()) problems.add(where + ": partial local files " + names);
        }
    }

    private static SeshRuns.Run runOp(Path home, String port, Op op, LocalFiles f, String... options) {
        List<String> all = new ArrayList<>(List.of("--port", port));
        all.addAll(Arrays.asList(options));
        all.addAll(op.args().apply(f));
        return SeshRuns.run(home, all.toArray(String[]::new));
    }

    @AfterAll
    static void writeMatrix() {
        if (RESULTS.isEmpty()) return;
        StringBuilder md = new StringBuilder("## Fault matrix\n\nWritten by `FaultMatrixTest`. Each operation runs through the whole program on a `sim:PATH` board "
                + "prepared for it, with `--timeout " + TIMEOUT + "` and `faults=KIND@N&seed=" + SEED + "`. N is the middle reply frame "
                + "of a clean `--debug` run of the operation (its `<== ` lines, the connect's Sys.GetInfo included): N = count / 2 + 1. "
                + "A cell shows how the faulty run ended, the board state afterwards (snapshot of files, saved config and chip EEPROM "
                + "compared with the state before and after a clean run) and whether a rerun without faults reaches the clean run's state.\n\n");
        md.append("| operation | N |");
        FAULTS.forEach(x -> md.append(' ').append(x).append(" |"));
        md.append("\n|---|---|");
        FAULTS.forEach(x -> md.append("---|"));
        md.append('\n');
        int cells = 0, completed = 0;
        for (Op op : ops()) {
            Map<String, String> row = RESULTS.get(op.name());
            if (row == null) continue;
            md.append("| ").append(op.name()).append(" | ").append(POSITIONS.get(op.name())).append(" |");
            for (String fault : FAULTS) {
                String c = row.getOrDefault(fault, "not run");
                cells++;
                if (c.endsWith("rerun completes") && !c.contains("UNKNOWN")) completed++;
                md.append(' ').append(c).append(" |");
            }
            md.append('\n');
        }
        md.append("\n").append(completed).append(" of ").append(cells).append(" cells end in a known state and complete on a rerun.\n");
        ReliabilityDoc.section("fault-matrix", md.toString());
    }
}
