package dev.sesh.cli;

import dev.sesh.testing.ReliabilityDoc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the "Fault sweep" section of docs/reliability.md from a sweep's result files (see
 * {@link FaultSweepMain}): {@code FaultSweepReport OUT EVERY POINTS WALL_SECONDS JOBS}. Prints the
 * problems found and exits 1 when there are any.
 */
public final class FaultSweepReport {
    /** What earlier sweeps found, fixed at the cause, each with its cell kept as a regression test. */
    static final List<String> FIXED = List.of(
            "a fault after the write key went into slot 4 and before slot 0 held the private key (cut, flip, delay, `--via i2c`): "
                    + "the rerun wrote slot 4 again, a plan the audit log had recorded done, so the write key crossed the link in the "
                    + "clear twice. `atca key set` of a data slot now sends nothing when the chip shows the slot already holds the "
                    + "bytes (a MAC with a secret slot's key); `FaultSweepTest.aFaultBetweenTheWriteKeyAndThePrivateKeyDoes"
                    + "NotMakeTheRerunSendTheWriteKeyAgain`.",
            "the same with `--via rpc` (provision rpc x cut@15): the firmware's ATCA.* service has no Read or MAC, so the rerun "
                    + "could not see that slot 4 already held the write key and sent it with ATCA.SetKey again. The check now runs "
                    + "a MAC over the board's I2C.* service (the key does not cross the link for it), and the rerun sends nothing "
                    + "for slot 4; `FaultSweepTest.provisionRpcCutAt15TheRerunDoesNotSendTheWriteKeyAgain`.",
            "crash points (SIGKILL, then a rerun against the same `sim serve` process): the rerun failed with `no answer within "
                    + "2500 ms (0xe7)`. The killed host had kept the chip awake; the new host's wake pulse found it awake, which "
                    + "answers with the wake status but keeps the old wake's watchdog, so the chip fell asleep between a command and "
                    + "its answer, before the new host's own count of the period ran out. The host driver now idles the chip before "
                    + "a wake that does not follow its own idle (a scan's first probe wakes the chip the same way); "
                    + "`AtcaDriverOnBusTest.aHostStartingWhileADeadHostLeftTheChipAwakeGetsEveryAnswer`.",
            "crash points: the rerun's `i2c.scan()` missed the chip (`no chip answers at 0x60`): the chip the killed host left "
                    + "awake fell asleep at its watchdog after the scan's first probe and before the probe of its own address. A "
                    + "scan that misses the chip's address now wakes the chip and lists it if it answers; "
                    + "`I2cBusTest.aChipWhoseWatchdogFiresDuringTheScanIsStillFound`.",
            "crash points: the killed host's Config.Set had scheduled a reboot, and the rerun's first request met the board's "
                    + "last 100 ms before it (418 `shutting down in N ms`, the request not run). A request that changes nothing "
                    + "now waits until the board is back and is sent once more; "
                    + "`WaitUntilBackTest.aReadOnlyRequestDuringTheRebootLockoutIsSentAgainOnceTheBoardIsBack`.");

    private FaultSweepReport() { }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int every = Integer.parseInt(args[1]);
        int points = Integer.parseInt(args[2]);
        long wall = Long.parseLong(args[3]);
        int jobs = Integer.parseInt(args[4]);
        List<FaultSweep.Result> cells = read(out, "cells-");
        List<FaultSweep.Result> crashes = read(out, "crash-");
        Map<String, String> replies = new TreeMap<>();
        try (var files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("flow-")).toList()) {
                String[] l = Files.readString(f, StandardCharsets.UTF_8).strip().split("\t");
                replies.put(l[0], l[1]);
            }
        }
        StringBuilder md = new StringBuilder("## Fault sweep\n\nWritten by `scripts/fault-sweep` (issue 22). Each flow runs through the whole "
                + "program on a factory `sim:PATH` board, once per (reply frame position x fault kind): `--timeout " + FaultSweep.TIMEOUT
                + "`, `faults=KIND@N&seed=" + FaultSweep.FAULT_SEED + "`, " + (FaultSweep.REAL_TIME ? "real time" : "the virtual clock")
                + "; then once more without faults. Positions come from a clean `--debug` run of the flow (its `<== ` lines): ");
        replies.forEach((f, n) -> md.append(f).append(' ').append(n).append(" replies; "));
        md.setLength(md.length() - 2);
        md.append(". ").append(every == 1 ? "Every position." : "Every " + every + "th position (a reduced sweep; the last reply always).")
                .append(" States: old, new, or a named intermediate state (the run failed, so the user was told); the audit log "
                        + "must show no plan sent again after it was recorded done; the rerun must exit 0 and leave the board "
                        + "(files, saved config, chip EEPROM) exactly as the clean run did.\n\n");
        md.append("| flow | kind | cells | exit 0 | failed with one error line | state old | state new | intermediate | unknown | rerun completes | plans repeated |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<FaultSweep.Result>> byRow = new TreeMap<>();
        for (FaultSweep.Result r : cells) byRow.computeIfAbsent(r.flow() + "\t" + r.kind(), k -> new ArrayList<>()).add(r);
        for (FaultSweep.Result r : crashes) byRow.computeIfAbsent(r.flow() + "\t" + r.kind(), k -> new ArrayList<>()).add(r);
        byRow.forEach((k, rs) -> {
            String[] fk = k.split("\t");
            md.append("| ").append(fk[0]).append(" | ").append(fk[1]).append(" | ").append(rs.size())
                    .append(" | ").append(rs.stream().filter(r -> r.exit() == 0).count())
                    .append(" | ").append(rs.stream().filter(r -> r.exit() != 0 && r.problems().stream().noneMatch(p -> p.contains("error: lines"))).count())
                    .append(" | ").append(rs.stream().filter(r -> r.state().equals("old")).count())
                    .append(" | ").append(rs.stream().filter(r -> r.state().equals("new")).count())
                    .append(" | ").append(rs.stream().filter(r -> r.state().startsWith("intermediate")).count())
                    .append(" | ").append(rs.stream().filter(r -> r.state().startsWith("UNKNOWN")).count())
                    .append(" | ").append(rs.stream().filter(FaultSweep.Result::rerunCompletes).count())
                    .append(" | ").append(rs.stream().filter(r -> r.problems().stream().anyMatch(p -> p.contains("executed twice"))).count())
                    .append(" |\n");
        });
        List<FaultSweep.Result> all = new ArrayList<>(cells);
        all.addAll(crashes);
        List<String> problems = all.stream().flatMap(r -> r.problems().stream()).toList();
        long passed = all.stream().filter(r -> r.problems().isEmpty()).count();
        md.append("\nSIGKILL rows: ").append(points).append(" crash points per provisioning flow spread over its reply frames, at most one "
                + "per reply (a flow with fewer replies gets one at each; the cells column shows how many ran); the flow runs as its own "
                + "process against `sim serve --path` and is killed when its stderr shows that reply; the rerun must also leave no file "
                + "of the killed run on this computer.\n\n");
        all.stream().max(Comparator.comparingLong(FaultSweep.Result::millis)).ifPresent(r -> md.append("Slowest cell: ")
                .append(r.flow()).append(" x ").append(r.kind()).append('@').append(r.position()).append(", ")
                .append(r.millis()).append(" ms (faulty run and rerun).\n\n"));
        md.append("**").append(passed).append(" of ").append(all.size()).append(" cells** end in a known state with a complete rerun; ")
                .append(cells.size()).append(" fault cells and ").append(crashes.size()).append(" crash points in ")
                .append(wall).append(" s wall time with ").append(jobs).append(" boards in parallel.");
        if (problems.isEmpty()) {
            md.append(" No failing cell.\n");
        } else {
            md.append(" Failing cells:\n\n");
            problems.forEach(p -> md.append("- ").append(p.replace("|", "\\|")).append('\n'));
        }
        md.append("\nFound by the sweep and fixed at the cause:\n\n");
        FIXED.forEach(f -> md.append("- ").append(f).append('\n'));
        ReliabilityDoc.section("fault-sweep", md.toString());
        problems.forEach(System.out::println);
        System.out.println(passed + " of " + all.size() + " cells pass");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static List<FaultSweep.Result> read(Path out, String prefix) throws IOException {
        List<FaultSweep.Result> rs = new ArrayList<>();
        try (var files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!line.isBlank()) rs.add(FaultSweep.Result.parse(line));
            }
        }
        rs.sort(Comparator.comparing(FaultSweep.Result::flow).thenComparing(FaultSweep.Result::kind).thenComparingInt(FaultSweep.Result::position));
        return rs;
    }
}
