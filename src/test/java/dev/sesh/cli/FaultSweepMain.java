package dev.sesh.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The full sweep's worker, started by {@code scripts/fault-sweep} (one JVM per shard, so boards run
 * in parallel without sharing a JVM): {@code FaultSweepMain cells|crash OUT SHARD SHARDS N FLOW[,FLOW..]}.
 * It prepares each flow (clean run, reply count), writes {@code OUT/flow-NAME.txt} (replies, clean
 * run time), and runs its share ({@code index % SHARDS == SHARD}) of the flow's work: {@code cells},
 * the (position x kind) grid at every N-th position; {@code crash}, N SIGKILL points spread over the
 * flow. One line per cell goes to {@code OUT/cells-SHARD.tsv} or {@code OUT/crash-SHARD.tsv}; cells
 * already in any of those files are skipped, so a stopped sweep resumes where it was.
 */
public final class FaultSweepMain {
    private FaultSweepMain() { }

    public static void main(String[] args) throws IOException {
        boolean crash = args[0].equals("crash");
        Path out = Path.of(args[1]);
        int shard = Integer.parseInt(args[2]);
        int shards = Integer.parseInt(args[3]);
        int n = Integer.parseInt(args[4]);
        List<String> flowNames = List.of(args[5].split(","));
        List<String> launch = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", System.getProperty("sesh.sweep.modulePath", "target/lib:target/sesh-0.1.0.jar"), "-m", "dev.sesh/dev.sesh.cli.Main");
        Files.createDirectories(out);
        Set<String> done = new HashSet<>();
        try (var files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(crash ? "crash-" : "cells-")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) done.add(FaultSweep.Result.parse(line).key());
                }
            }
        }
        Path work = out.resolve("work-" + shard);
        FaultSweep.Inputs in = FaultSweep.Inputs.in(work.resolve("inputs"), Path.of("scripts/examples/configs/atca-aws-test.yaml"));
        Path cells = out.resolve((crash ? "crash-" : "cells-") + shard + ".tsv");
        for (String name : flowNames) {
            FaultSweep.Prepared p = FaultSweep.prepare(FaultSweep.flow(name), work, in);
            Files.writeString(out.resolve("flow-" + name.replaceAll("[^a-zA-Z0-9]", "_") + ".txt"),
                    name + "\t" + p.replies() + "\t" + p.cleanMillis() + "\n", StandardCharsets.UTF_8);
            List<String[]> grid = new ArrayList<>();
            if (crash) {
                for (int pos : FaultSweep.crashPositions(p.replies(), n)) grid.add(new String[] {"SIGKILL", Integer.toString(pos)});
            } else {
                for (int pos : FaultSweep.positions(p.replies(), n, 0)) {
                    for (String kind : FaultSweep.KINDS) grid.add(new String[] {kind, Integer.toString(pos)});
                }
            }
            Files.writeString(out.resolve("grid-" + (crash ? "crash-" : "cells-") + name.replaceAll("[^a-zA-Z0-9]", "_") + ".txt"),
                    grid.size() + "\n", StandardCharsets.UTF_8);
            for (int i = 0; i < grid.size(); i++) {
                if (i % shards != shard) continue;
                String kind = grid.get(i)[0];
                int pos = Integer.parseInt(grid.get(i)[1]);
                if (done.contains(FaultSweep.Result.key(name, kind, pos))) continue;
                FaultSweep.Result r = crash ? FaultSweep.crash(p, in, pos, launch) : FaultSweep.cell(p, in, kind, pos);
                Files.writeString(cells, r.tsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        System.exit(0);
    }
}
