package dev.sesh.cli;

import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/examples/provision-many.groovy on three simulated boards ({@code sim:PATH}, kept in folders
 * so a later run sees the same chips), without a TTY: one batch approval for every board, the
 * per-board plans run inside it, and a rerun changes nothing.
 */
class ProvisionManyScriptTest {
    @TempDir Path home;
    @TempDir Path dir;

    SeshRuns.Run run(List<String> args) { return SeshRuns.run(home, args.toArray(String[]::new)); }

    List<String> provision(String... gateFlags) throws IOException {
        Path writeKey = dir.resolve("slot4.key");
        if (!Files.exists(writeKey)) Files.writeString(writeKey, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        List<String> args = new ArrayList<>(List.of(gateFlags));
        args.addAll(List.of("run", "scripts/examples/provision-many.groovy"));
        for (String b : List.of("b1", "b2", "b3")) args.add("sim:" + dir.resolve(b));
        args.addAll(List.of("--", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString(), writeKey.toString(),
                dir.resolve("csrs").toString()));
        return args;
    }

    List<String> audit() throws IOException {
        Path log = home.resolve("audit.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    static long count(List<String> lines, String text) { return lines.stream().filter(l -> l.contains(text)).count(); }

    @Test
    void withoutTerminalTheBatchIsRefusedAndNothingChanges() throws IOException {
        SeshRuns.Run r = run(provision());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("provision 3 boards"), r.err());
        List<String> log = audit();
        assertEquals(1, log.size(), String.join("\n", log));
        assertTrue(log.get(0).contains("refused-no-tty"), log.get(0));
        SeshRuns.Run again = run(provision("--yes-irreversible"));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("provision 3 boards"), "the refused run left every board to do: " + again.err());
    }

    @Test
    void oneApprovalProvisionsEveryBoardAndARerunAsksNothing() throws IOException {
        SeshRuns.Run r = run(provision("--yes-irreversible"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().endsWith("provisioned 3 boards\n"), r.out());
        assertTrue(count(List.of(r.err().split("\n")), "approved in batch: provision 3 boards") >= 3 * 5, "each board's plans are shown: " + r.err());
        List<String> log = audit();
        assertEquals(1, count(log, "\"auto-approved\""), "one approval for the batch:\n" + String.join("\n", log));
        assertTrue(count(log, "approved in batch") >= 3 * 5, "config write, 2 locks, 2 key writes on each board:\n" + String.join("\n", log));
        assertEquals(0, count(log, "\"failed\""), String.join("\n", log));
        try (var csrs = Files.list(dir.resolve("csrs"))) {
            assertEquals(3, csrs.filter(p -> p.toString().endsWith(".csr.pem")).count(), "one CSR per chip");
        }
        for (String b : List.of("b1", "b2", "b3")) {
            SeshRuns.Run info = run(List.of("--port", "sim:" + dir.resolve(b), "--json", "atca", "info"));
            assertEquals(0, info.code(), info.err());
            String flat = info.out().replaceAll("\\s", "");
            assertTrue(flat.contains("\"configLocked\":true") && flat.contains("\"dataLocked\":true"), info.out());
        }

        SeshRuns.Run again = run(provision());
        assertEquals(0, again.code(), again.err());
        assertEquals(3, count(List.of(again.out().split("\n")), "already provisioned"), again.out());
        assertEquals(log.size(), audit().size(), "a rerun asks for nothing");
    }
}
