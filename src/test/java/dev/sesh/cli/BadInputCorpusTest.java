package dev.sesh.cli;

import dev.sesh.testing.BoardSnapshot;
import dev.sesh.testing.ReliabilityDoc;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every entry of src/test/resources/bad-inputs/corpus.tsv runs through the whole program on a
 * {@code sim:PATH} board: the exit code is the one listed (design.md 5.14), stderr holds exactly one
 * {@code error:} line naming the problem and one {@code hint:} line and no stack trace, stdout is
 * empty, and the board (files, saved config, chip EEPROM) is byte for byte what it was.
 */
class BadInputCorpusTest {
    @TempDir static Path work;
    static final Map<String, String> RESULTS = new ConcurrentHashMap<>();
    static final Map<String, Path> BOARDS = new ConcurrentHashMap<>();

    record Entry(String name, int exit, String board, String options, String command, String names) {
        @Override public String toString() { return name; }
    }

    static Path corpusDir() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-inputs/corpus.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpusDir().resolve("corpus.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            assertEquals(6, f.length, "six TAB-separated fields: " + line);
            out.add(new Entry(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5]));
        }
        return out;
    }

    /** A prepared board of the named kind, made once and copied for each entry. */
    static synchronized Path template(String kind, Path home) {
        return BOARDS.computeIfAbsent(kind, k -> {
            Path dir = work.resolve("template-" + k);
            String aws = Vectors.referenceDir().resolve("atca-aws-test.yaml").toString();
            List<List<String>> steps = switch (k) {
                case "factory" -> List.of(List.of("info"));
                case "locked" -> List.of(List.of("--yes", "atca", "config", "set", aws),
                        List.of("--yes-irreversible", "atca", "lock", "config"), List.of("--yes-irreversible", "atca", "lock", "data"));
                default -> throw new IllegalArgumentException("unknown board kind " + k);
            };
            for (List<String> step : steps) {
                List<String> args = new ArrayList<>(List.of("--port", "sim:" + dir));
                args.addAll(step);
                SeshRuns.Run r = SeshRuns.run(home, args.toArray(String[]::new));
                assertEquals(0, r.code(), "preparing the " + k + " board: " + step + "\n" + r.err());
            }
            return dir;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void badInputFailsInOneLineWithItsExitCodeAndChangesNothing(Entry e) {
        Path home = work.resolve("home");
        Path board = work.resolve("board-" + e.name());
        BoardSnapshot.copy(template(e.board(), home), board);
        BoardSnapshot before = BoardSnapshot.of(board);
        String command = e.command().replace("$IN", corpusDir().toString())
                .replace("$AWS", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString());
        List<String> args = new ArrayList<>(List.of("--port", "sim:" + board));
        if (!e.options().isBlank()) args.addAll(List.of(e.options().trim().split(" +")));
        args.addAll(List.of("-c", command));
        SeshRuns.Run r = SeshRuns.run(home, args.toArray(String[]::new));
        BoardSnapshot after = BoardSnapshot.of(board);

        List<String> problems = new ArrayList<>();
        if (r.code() != e.exit()) problems.add("exit " + r.code() + ", expected " + e.exit());
        if (r.errorLines() != 1) problems.add(r.errorLines() + " error: lines");
        if (r.hintLines() != 1) problems.add(r.hintLines() + " hint: lines");
        r.unclearFailure().ifPresent(problems::add);
        if (!r.errorLine().contains(e.names())) problems.add("error line does not name '" + e.names() + "'");
        if (!r.out().isEmpty()) problems.add("stdout not empty: " + r.out());
        if (!after.sameAs(before)) problems.add("board changed: " + after.differences(before));
        RESULTS.put(e.name(), (problems.isEmpty() ? "ok" : "FAIL: " + String.join("; ", problems))
                + " | " + r.code() + " | `" + r.errorLine().replace(corpusDir().toString(), "$IN").replaceAll("S/N 0123[0-9a-f]{14}", "S/N 0123(serial)").replace("|", "\\|") + "`");
        assertTrue(problems.isEmpty(), e.name() + ": " + String.join("; ", problems) + "\n" + r.err());
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (RESULTS.isEmpty()) return;
        List<Entry> all = entries();
        long ok = RESULTS.values().stream().filter(v -> v.startsWith("ok")).count();
        StringBuilder md = new StringBuilder("## Bad-input corpus\n\nWritten by `BadInputCorpusTest` from `src/test/resources/bad-inputs/corpus.tsv`: "
                + "each entry runs `sesh --port sim:BOARD OPTIONS -c COMMAND` on a copy of a prepared board and must end with its exit code, "
                + "exactly one `error:` line naming the problem, one `hint:` line, no stack trace, nothing on stdout and the board unchanged "
                + "(files, saved config, chip EEPROM).\n\n" + ok + " of " + all.size() + " entries pass.\n\n"
                + "| entry | board | command | result | exit | error line |\n|---|---|---|---|---|---|\n");
        Map<String, Entry> byName = new TreeMap<>();
        all.forEach(x -> byName.put(x.name(), x));
        for (Entry x : all) {
            md.append("| ").append(x.name()).append(" | ").append(x.board()).append(" | `")
                    .append((x.options().isBlank() ? "" : x.options() + " ") + x.command().replace("|", "\\|")).append("` | ")
                    .append(RESULTS.getOrDefault(x.name(), "not run | | ")).append(" |\n");
        }
        ReliabilityDoc.section("bad-inputs", md.toString());
    }
}
