package dev.sesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.testing.BoardSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The fault sweep of issue 22 (docs/reliability.md, "Fault sweep"): a flow runs once per (reply frame
 * position x fault kind) through the whole program on a {@code sim:PATH} board, then once more
 * without faults. Positions come from a clean {@code --debug} run of the same flow (its {@code <== }
 * lines, the connect's Sys.GetInfo included), never from constants, so a change of the flow's wire
 * traffic moves them with it.
 *
 * <p>A cell passes when the faulty run ends with exit 0 or one clear {@code error:} line; the board
 * (files, saved config, chip EEPROM) is then in the old state, the new state, or an intermediate
 * state the flow names (and the run failed, so the user was told); no plan that the audit log shows
 * done is sent again (by the faulty run or the rerun); and the rerun exits 0 with the board exactly as
 * after the clean run (so temporary files are gone too). {@link FaultSweepTest} runs a seeded sample;
 * {@code scripts/fault-sweep} runs every cell through {@link FaultSweepMain}.
 */
final class FaultSweep {
    static final List<String> KINDS = List.of("junk", "drop", "flip", "crc", "delay=4000", "reboot", "cut", "xoff=1000");
    static final String TIMEOUT = "0.5";
    static final long FAULT_SEED = 11;
    static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dsesh.sweep.realTime=true}: boards and sesh on the system clock (slow; to cross-check the virtual clock). */
    static final boolean REAL_TIME = Boolean.getBoolean("sesh.sweep.realTime");

    /** The local files the flows read: the 64 KiB payload, the article's chip config, key, certificate, write key. */
    record Inputs(Path data, Path yaml, Path key, Path cert, Path writeKey) {
        static Inputs in(Path dir, Path yaml) {
            try {
                Files.createDirectories(dir);
                byte[] data = new byte[64 * 1024];
                new Random(22).nextBytes(data);
                Path d = Files.write(dir.resolve("data64k.bin"), data);
                Path wk = Files.writeString(dir.resolve("slot4.key"), HexFormat.of().formatHex(SecretScanTest.WRITE_KEY) + "\n");
                Path pem = dir.resolve("device-key.pem");
                Path cert = dir.resolve("device-key.crt.pem");
                if (!Files.exists(cert)) {
                    Files.writeString(pem, SecretScanTest.sec1Pem(SecretScanTest.PRIVATE));
                    SeshRuns.Run r = SeshRuns.run(dir.resolve("home"), "x509", "selfsign", pem.toString(), cert.toString(),
                            "--subject", "CN=sweep", "--days", "365");
                    if (r.code() != 0) throw new IllegalStateException("x509 selfsign: " + r.err());
                }
                return new Inputs(d, yaml, pem, cert, wk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One flow of the sweep: its command line (after {@code --port}) and the intermediate states it
     * names, from the set of board files that differ from the old state (empty: not a known one).
     */
    record Flow(String name, Function<Inputs, List<String>> args, Function<Set<String>, Optional<String>> intermediate) {
        @Override public String toString() { return name; }
    }

    static final String PUT_TEMP = "fs/%2Esesh-put-";

    static List<Flow> flows() {
        Function<Set<String>, Optional<String>> between = d -> d.stream().allMatch(n -> n.equals("atecc.bin") || n.equals("fs/conf9.json")
                || n.equals("fs/device-key.crt.pem") || n.startsWith(PUT_TEMP))
                ? Optional.of("between steps") : Optional.empty();
        return List.of(
                new Flow("provision i2c", in -> provision("i2c", in), between),
                new Flow("provision rpc", in -> provision("rpc", in), between),
                new Flow("fs put 64 KiB", in -> List.of("--yes", "fs", "put", in.data().toString(), "data.bin"),
                        d -> d.stream().allMatch(n -> n.startsWith(PUT_TEMP)) ? Optional.of("temp file of the put") : Optional.empty()));
    }

    private static List<String> provision(String via, Inputs in) {
        return List.of("--via", via, "--yes-irreversible", "run", "scripts/examples/provision-aws.groovy",
                in.yaml().toString(), in.key().toString(), in.cert().toString(), in.writeKey().toString());
    }

    static Flow flow(String name) {
        return flows().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flow " + name));
    }

    /** A flow made ready: its factory board, the states before and after a clean run, and the clean run's reply count. */
    record Prepared(Flow flow, Path dir, Path template, BoardSnapshot old, BoardSnapshot fresh, int replies, long cleanMillis) { }

    static Prepared prepare(Flow flow, Path work, Inputs in) {
        Path dir = work.resolve(flow.name().replace(' ', '-'));
        Path template = dir.resolve("template");
        deleteTree(dir);
        ok(dir.resolve("home"), template, "info");
        BoardSnapshot old = BoardSnapshot.of(template);
        Path clean = dir.resolve("clean");
        BoardSnapshot.copy(template, clean);
        long t0 = System.nanoTime();
        SeshRuns.Run r = runFlow(dir.resolve("clean-home"), "sim:" + clean, flow, in, "--debug");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (r.code() != 0) throw new IllegalStateException("clean run of " + flow + " failed:\n" + r.err());
        int replies = (int) r.err().lines().filter(l -> l.startsWith("<== ")).count();
        return new Prepared(flow, dir, template, old, BoardSnapshot.of(clean), replies, ms);
    }

    /** Positions 1..replies, every {@code every}-th one from {@code offset}, the last one always. */
    static List<Integer> positions(int replies, int every, int offset) {
        List<Integer> ps = new ArrayList<>();
        for (int p = 1 + Math.floorMod(offset, every); p <= replies; p += every) ps.add(p);
        if (ps.isEmpty() || ps.get(ps.size() - 1) != replies) ps.add(replies);
        return ps;
    }

    /** How one cell ended; {@code problems} is empty when it passed. */
    record Result(String flow, String kind, int position, int exit, String errorLine, String state, boolean rerunCompletes,
                  List<String> problems, long millis) {
        String key() { return key(flow, kind, position); }
        static String key(String flow, String kind, int position) { return flow + "\t" + kind + "\t" + position; }
        String outcome() { return exit == 0 ? "ok" : "exit " + exit; }

        String tsv() {
            return key() + "\t" + exit + "\t" + state + "\t" + rerunCompletes + "\t" + millis + "\t"
                    + clean(errorLine) + "\t" + clean(String.join(" | ", problems));
        }

        static Result parse(String line) {
            String[] f = line.split("\t", -1);
            List<String> problems = f[8].isEmpty() ? List.of() : List.of(f[8].split(" \\| "));
            return new Result(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[7], f[4], Boolean.parseBoolean(f[5]),
                    problems, Long.parseLong(f[6]));
        }

        private static String clean(String s) { return s.replace('\t', ' ').replace('\n', ' '); }
    }

    /** Runs one cell on a copy of the flow's factory board. */
    static Result cell(Prepared p, Inputs in, String kind, int position) {
        long t0 = System.nanoTime();
        String tag = kind.replaceAll("[^a-z0-9]", "_") + "-" + position;
        Path dir = p.dir().resolve("cell-" + tag);
        deleteTree(dir);
        Path board = dir.resolve("board");
        Path home = dir.resolve("home");
        BoardSnapshot.copy(p.template(), board);
        String where = p.flow() + " x " + kind + "@" + position;
        List<String> problems = new ArrayList<>();

        SeshRuns.Run faulty = runFlow(home, "sim:" + board + "?faults=" + kind + "@" + position + "&seed=" + FAULT_SEED,
                p.flow(), in, "--timeout", TIMEOUT);
        BoardSnapshot after = BoardSnapshot.of(board);
        String state = classify(p, after);
        List<String> auditAfterFaulty = auditLines(home);
        problems.addAll(checkRun(where, faulty.code(), state, p));
        faulty.unclearFailure().ifPresent(why -> problems.add(where + ": " + why + ": " + faulty.errorLine()));

        SeshRuns.Run rerun = runFlow(home, "sim:" + board, p.flow(), in);
        BoardSnapshot done = BoardSnapshot.of(board);
        boolean completes = rerun.code() == 0 && done.sameAs(p.fresh());
        if (rerun.code() != 0) problems.add(where + ": rerun exit " + rerun.code() + " " + rerun.errorLine());
        if (!done.sameAs(p.fresh())) problems.add(where + ": rerun left " + done.differences(p.fresh()) + " different from the clean run");
        problems.addAll(repeatedPlans(where, auditAfterFaulty, auditLines(home)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (problems.isEmpty()) deleteTree(dir);
        return new Result(p.flow().name(), kind, position, faulty.code(), faulty.errorLine(), state, completes, problems, ms);
    }

    /**
     * One crash point: the flow runs as its own process ({@code java -m dev.sesh/dev.sesh.cli.Main},
     * the module-path launch of scripts/sesh, with {@code --debug}) against the board served by a
     * second process ({@code sim serve --path}, which stays up as a board does when its host dies);
     * when the flow's stderr shows its {@code position}-th reply frame ({@code <== }) it gets SIGKILL.
     * The board is then classified, the flow is run again without faults (in-process, same home), and
     * the board must equal the clean run's; files the killed run left on this computer must be gone.
     */
    static Result crash(Prepared p, Inputs in, int position, List<String> javaLaunch) {
        long t0 = System.nanoTime();
        Path dir = p.dir().resolve("crash-" + position);
        deleteTree(dir);
        Path board = dir.resolve("board");
        Path home = dir.resolve("home");
        BoardSnapshot.copy(p.template(), board);
        String where = p.flow() + " x SIGKILL@" + position;
        List<String> problems = new ArrayList<>();
        Process server = null;
        int exit;
        String state;
        SeshRuns.Run rerun;
        BoardSnapshot done;
        List<String> auditAfterKill;
        Set<String> localBefore = localFiles(in.data().getParent());
        try {
            int port = freePort();
            String url = "tcp://127.0.0.1:" + port;
            List<String> serve = new ArrayList<>(javaLaunch);
            serve.addAll(List.of("sim", "serve", "--listen", url, "--path", board.toString()));
            server = new ProcessBuilder(serve).redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
            waitListening(port, server);
            List<String> cmd = new ArrayList<>(javaLaunch);
            cmd.addAll(List.of("--port", url, "--debug", "--timeout", "5"));
            cmd.addAll(p.flow().args().apply(in));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("killed.out").toFile());
            pb.environment().put("SESH_HOME", home.toString());
            Process flow = pb.start();
            int seen = 0;
            StringBuilder err = new StringBuilder();
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(flow.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    err.append(line).append('\n');
                    if (line.startsWith("<== ") && ++seen == position) {
                        flow.destroyForcibly();                       // SIGKILL on Linux and macOS
                        break;
                    }
                }
            }
            exit = flow.waitFor();
            Files.writeString(dir.resolve("killed.err"), err, StandardCharsets.UTF_8);
            if (seen < position) problems.add(where + ": the flow ended (exit " + exit + ") after " + seen + " replies, before the kill");
            Thread.sleep(300);                                        // the board finishes what it had received
            state = classify(p, BoardSnapshot.of(board));
            if (state.startsWith("UNKNOWN")) problems.add(where + ": state " + state);
            auditAfterKill = auditLines(home);
            rerun = SeshRuns.run(home, concat(List.of("--port", url), p.flow().args().apply(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (server != null) {
                server.destroy();
                try {
                    if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        done = BoardSnapshot.of(board);
        boolean completes = rerun.code() == 0 && done.sameAs(p.fresh());
        if (rerun.code() != 0) problems.add(where + ": rerun exit " + rerun.code() + " " + rerun.errorLine());
        if (!done.sameAs(p.fresh())) problems.add(where + ": rerun left " + done.differences(p.fresh()) + " different from the clean run");
        problems.addAll(repeatedPlans(where, auditAfterKill, auditLines(home)));
        Set<String> left = localFiles(in.data().getParent());
        left.removeAll(localBefore);
        try (var walk = Files.walk(home)) {
            walk.filter(Files::isRegularFile).map(q -> home.relativize(q).toString())
                    .filter(n -> !n.equals("audit.log") && !n.equals("history")).forEach(n -> left.add("$SESH_HOME/" + n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!left.isEmpty()) problems.add(where + ": files left on this computer after the rerun: " + left);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (problems.isEmpty()) deleteTree(dir);
        return new Result(p.flow().name(), "SIGKILL", position, exit, "", state, completes, problems, ms);
    }

    /** {@code points} positions spread evenly over 1..replies. */
    static List<Integer> crashPositions(int replies, int points) {
        List<Integer> ps = new ArrayList<>();
        for (int i = 1; i <= points; i++) {
            int pos = (int) Math.round((double) i * replies / (points + 1));
            if (pos >= 1 && (ps.isEmpty() || ps.get(ps.size() - 1) != pos)) ps.add(pos);
        }
        return ps;
    }

    private static Set<String> localFiles(Path dir) {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(q -> dir.relativize(q).toString()).filter(n -> !n.startsWith("home"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitListening(int port, Process server) throws IOException, InterruptedException {
        long end = System.nanoTime() + 300_000_000_000L;             // a JVM start on a busy machine can take a minute
        while (System.nanoTime() - end < 0) {
            if (!server.isAlive()) throw new IllegalStateException("sim serve ended with exit " + server.exitValue());
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("sim serve did not listen on port " + port);
    }

    /** old, new, intermediate: NAME, or UNKNOWN (the files that differ). */
    static String classify(Prepared p, BoardSnapshot after) {
        if (after.sameAs(p.old())) return "old";
        if (after.sameAs(p.fresh())) return "new";
        Set<String> diff = after.differences(p.old());
        return p.flow().intermediate().apply(diff).map(s -> "intermediate: " + s).orElse("UNKNOWN " + diff);
    }

    /** The outcome rules: a known state; exit 0 only with the new state; an intermediate state only after a failure the user saw. */
    static List<String> checkRun(String where, int exit, String state, Prepared p) {
        List<String> problems = new ArrayList<>();
        if (state.startsWith("UNKNOWN")) problems.add(where + ": state " + state);
        if (exit == 0 && !state.equals("new")) problems.add(where + ": exit 0 but state " + state);
        return problems;
    }

    static List<String> auditLines(Path home) {
        Path f = home.resolve("audit.log");
        try {
            return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * No plan executed twice: a plan whose change frames were sent and that the audit log records as
     * done ({@code result: ok}) must not be sent again under a later plan id with the same title and
     * lines, in the same run or the rerun. {@code first} is the audit after the faulty run (a prefix
     * of {@code all}).
     */
    static List<String> repeatedPlans(String where, List<String> first, List<String> all) {
        Map<String, String> planOf = new LinkedHashMap<>();   // plan id -> title and lines
        Map<String, String> result = new LinkedHashMap<>();   // plan id -> ok / failed / ...
        Map<String, Integer> sent = new LinkedHashMap<>();    // plan id -> change frames sent
        List<String> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            if (line.isBlank()) continue;
            JsonNode o;
            try {
                o = JSON.readTree(line);
            } catch (IOException e) {
                return List.of(where + ": audit log line is not JSON: " + line);
            }
            if (o.path("plan_id").asText("").isEmpty()) continue;
            // plan ids count from p1 in every process: qualify them by run (the faulty one, then the rerun)
            String id = (i < first.size() ? "run 1 " : "rerun ") + o.path("plan_id").asText();
            if (!order.contains(id)) order.add(id);
            if (o.has("frame")) {
                if (o.path("sent").asBoolean()) sent.merge(id, 1, Integer::sum);
            } else if (o.has("plan")) {
                planOf.put(id, o.path("plan").path("title").asText() + " " + o.path("plan").path("lines"));
                result.put(id, o.path("result").asText());
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> doneBy = new LinkedHashMap<>();
        for (String id : order) {
            String plan = planOf.get(id);
            if (plan == null || sent.getOrDefault(id, 0) == 0) continue;
            if (doneBy.containsKey(plan)) {
                problems.add(where + ": plan executed twice (" + doneBy.get(plan) + " recorded ok, then " + id + " sent "
                        + sent.get(id) + " change frames): " + plan);
            }
            if ("ok".equals(result.get(id))) doneBy.putIfAbsent(plan, id);
        }
        return problems;
    }

    static SeshRuns.Run runFlow(Path home, String port, Flow flow, Inputs in, String... options) {
        List<String> all = new ArrayList<>(List.of("--port", port));
        all.addAll(Arrays.asList(options));
        all.addAll(flow.args().apply(in));
        return REAL_TIME ? SeshRuns.run(home, all.toArray(String[]::new)) : SeshRuns.virtual(home, all.toArray(String[]::new));
    }

    static void ok(Path home, Path board, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + board));
        all.addAll(Arrays.asList(args));
        SeshRuns.Run r = SeshRuns.run(home, all.toArray(String[]::new));
        if (r.code() != 0) throw new IllegalStateException("setup " + all + ":\n" + r.err());
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
