package dev.sesh.cli;

import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Timing;
import dev.sesh.atca.packet.Variant;
import dev.sesh.rpc.transport.Transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article's flow (issue 26) against the simulated board at 115200 baud (its line-rate, chip
 * execution-time, flash and reboot models on the real clock), in four forms: {@code run
 * provision-aws.groovy} and the same steps as 9 separate commands (a fresh connection each, as a
 * user who types them one by one), each with {@code --via i2c} and {@code --via rpc}. Every byte
 * of both directions is captured; the floor is those bytes' time on the wire (10 bits a byte) plus
 * the chip's maximum execution times of the commands they carry plus the modelled reboots.
 * Runs sesh in this JVM (the launcher's JVM start is measured separately by scripts/bench-flow).
 * Prints markdown table rows; run by scripts/bench-flow.
 */
public final class FlowBench {
    static final int BAUD = 115200;
    /** The board's modelled reboot after a Config save (mos-rpc.md 6.1). */
    static final double REBOOT_S = 0.5;
    private static final Pattern METHOD = Pattern.compile("\"method\":\"([^\"]+)\"");
    private static final Pattern I2C_WRITE = Pattern.compile("\"method\":\"I2C.Write\",\"params\":\\{[^}]*\"addr\":(\\d+)[^}]*\"data_hex\":\"([0-9a-fA-F]*)\"");

    /** Bytes crossing the link, both directions, as the host's end saw them. */
    private static final boolean TIMELINE = System.getenv("BENCH_FLOW_TIMELINE") != null;
    private static final long T0 = System.nanoTime();

    static final class Capture {
        final ByteArrayOutputStream up = new ByteArrayOutputStream();
        final ByteArrayOutputStream down = new ByteArrayOutputStream();

        Transport wrap(Transport t) {
            return new Transport() {
                @Override public String name() { return t.name(); }
                @Override public Kind kind() { return t.kind(); }
                @Override public void write(byte[] b, int off, int len) throws IOException {
                    synchronized (up) { up.write(b, off, len); }
                    if (TIMELINE) {
                        Matcher mm = METHOD.matcher(new String(b, off, len, StandardCharsets.ISO_8859_1));
                        System.err.printf("%8.3f up %4d %s%n", (System.nanoTime() - T0) / 1e9, len, mm.find() ? mm.group(1) : "");
                    }
                    t.write(b, off, len);
                }
                @Override public int read(byte[] buf, int off, int len, int timeoutMs) throws IOException {
                    int n = t.read(buf, off, len, timeoutMs);
                    if (n > 0) synchronized (down) { down.write(buf, off, n); }
                    if (n > 0 && TIMELINE) System.err.printf("%8.3f down %4d%n", (System.nanoTime() - T0) / 1e9, n);
                    return n;
                }
                @Override public void close() throws IOException { t.close(); }
                @Override public int maxFrameBytes() { return t.maxFrameBytes(); }
            };
        }

        String upText() { synchronized (up) { return up.toString(StandardCharsets.ISO_8859_1); } }
        String downText() { synchronized (down) { return down.toString(StandardCharsets.ISO_8859_1); } }
        long bytes() { return up.size() + down.size(); }
    }

    /** One measured run of one form. */
    record Result(String form, double seconds, int frames, long bytes, long logBytes, double chipSeconds, int reboots, Map<String, Integer> methods) {
        double wireSeconds() { return bytes * 10.0 / BAUD; }
        double floor() { return wireSeconds() + chipSeconds + reboots * REBOOT_S; }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<String> forms = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("script:i2c", "script:rpc", "commands:i2c", "commands:rpc");
        Path repo = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("bench-flow");
        Path home = Files.createDirectories(work.resolve("home"));
        Inputs in = Inputs.make(work, home);
        for (String form : forms) {
            List<Result> results = new ArrayList<>();
            // One untimed run first: class loading, JIT and Groovy's first compile are a JVM's start, measured apart.
            if (System.getenv("BENCH_FLOW_COLD") == null) runForm(form, repo, work.resolve(form.replace(':', '-') + "-warm"), home, in);
            for (int r = 0; r < runs; r++) results.add(runForm(form, repo, work.resolve(form.replace(':', '-') + "-" + r), home, in));
            System.out.println(row(results));
            // The same steps, each its own `scripts/sesh` process as a user runs them: JVM start included.
            String launcher = System.getenv("BENCH_FLOW_PROCESSES");
            if (launcher != null) {
                List<Double> seconds = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    seconds.add(runProcesses(form, repo, work.resolve(form.replace(':', '-') + "-p" + r), home, in, Path.of(launcher)));
                }
                System.out.println(processRow(form, seconds, results));
            }
            if (System.getenv("BENCH_FLOW_DETAIL") != null) System.err.println(form + " methods: " + results.get(0).methods());
        }
    }

    /** The key, certificate and write key the flow provisions, made once by sesh itself. */
    record Inputs(Path config, Path key, Path cert, Path writeKey) {
        static Inputs make(Path work, Path home) throws IOException {
            Path key = work.resolve("ecc.key.pem"), cert = work.resolve("ecc.crt.pem"), wk = work.resolve("slot4.key");
            check(sesh(home, null, "x509", "keygen", key.toString()));
            check(sesh(home, null, "x509", "selfsign", key.toString(), cert.toString(), "--subject", "CN=my-device", "--days", "3650"));
            byte[] k = new byte[32];
            new java.security.SecureRandom().nextBytes(k);
            Files.writeString(wk, HexFormat.of().formatHex(k) + "\n");
            return new Inputs(Path.of("scripts/examples/configs/atca-aws-test.yaml").toAbsolutePath(), key, cert, wk);
        }
    }

    private static Result runForm(String form, Path repo, Path board, Path home, Inputs in) throws IOException {
        Capture cap = new Capture();
        long start = System.nanoTime();
        if (TIMELINE) System.err.printf("%8.3f start %s%n", (start - T0) / 1e9, form);
        for (List<String> argv : steps(form, repo, board, in)) check(sesh(home, cap, argv.toArray(String[]::new)));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (TIMELINE) System.err.printf("%8.3f end %s%n", (System.nanoTime() - T0) / 1e9, form);
        return analyse(form, seconds, cap);
    }

    /** The form's steps as separate {@code launcher} processes (fresh JVMs); the wall time of them all. */
    private static double runProcesses(String form, Path repo, Path board, Path home, Inputs in, Path launcher) throws IOException, InterruptedException {
        List<List<String>> steps = steps(form, repo, board, in);
        long start = System.nanoTime();
        for (List<String> argv : steps) {
            List<String> cmd = new ArrayList<>();
            cmd.add(launcher.toString());
            cmd.addAll(argv);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("SESH_HOME", home.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + out);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The process row: measured against the floor of the bytes the in-process runs of the same form sent. */
    static String processRow(String form, List<Double> seconds, List<Result> inProcess) {
        List<Double> sorted = new ArrayList<>(seconds);
        sorted.sort(Double::compare);
        double med = sorted.get(sorted.size() / 2);
        List<Result> r = new ArrayList<>(inProcess);
        r.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        double floor = r.get(r.size() / 2).floor();
        StringBuilder all = new StringBuilder();
        for (double x : seconds) all.append(String.format(" %.2f", x));
        String what = form.startsWith("script") ? "`scripts/sesh run provision-aws.groovy`, one process" : "9 separate `scripts/sesh` processes";
        return String.format("| %s, `--via %s` | as above | as above | %.2f s | %.2f s (all:%s) | %.2fx | %.2fx |",
                what, form.split(":")[1], floor, med, all, med / floor, med / NEEDS_S);
    }

    /** Each step's sesh arguments: the script in one run, or the article's 9 mos commands one by one. */
    private static List<List<String>> steps(String form, Path repo, Path board, Inputs in) throws IOException {
        String[] f = form.split(":");
        boolean script = f[0].equals("script");
        String via = f[1];
        Files.createDirectories(board);
        List<String> common = List.of("--port", "sim:" + board + "?baud=" + BAUD, "--via", via, "--yes-irreversible");
        List<List<String>> steps = new ArrayList<>();
        if (script) {
            steps.add(List.of("run", repo.resolve("scripts/examples/provision-aws.groovy").toString(),
                    in.config().toString(), in.key().toString(), in.cert().toString(), in.writeKey().toString()));
        } else {
            // The article's mos commands, one by one (aws-iot-mongoose-os part 2).
            steps.add(List.of("i2c", "scan"));
            steps.add(List.of("config", "set", "sys.atca.enable=true"));
            steps.add(List.of("atca", "config", "set", in.config().toString()));
            steps.add(List.of("atca", "lock", "config"));
            steps.add(List.of("atca", "lock", "data"));
            steps.add(List.of("atca", "key", "set", "4", in.writeKey().toString()));
            steps.add(List.of("atca", "key", "set", "0", in.key().toString(), "--write-key", in.writeKey().toString()));
            steps.add(List.of("fs", "put", in.cert().toString()));
            steps.add(List.of("config", "set", "http.listen_addr=:443", "http.ssl_cert=ecc.crt.pem", "http.ssl_key=ATCA:0"));
        }
        List<List<String>> argvs = new ArrayList<>();
        for (List<String> step : steps) {
            List<String> argv = new ArrayList<>(common);
            argv.addAll(step);
            argvs.add(argv);
        }
        return argvs;
    }

    static Result analyse(String form, double seconds, Capture cap) {
        String up = cap.upText();
        Map<String, Integer> methods = new TreeMap<>();
        Matcher m = METHOD.matcher(up);
        int frames = 0;
        int reboots = 0;
        while (m.find()) {
            frames++;
            methods.merge(m.group(1), 1, Integer::sum);
        }
        // Reboots: every Config.Set/Save that asks for one, and Sys.Reboot.
        Matcher rb = Pattern.compile("\"method\":\"(Config.Set|Config.Save|Sys.Reboot)\"(,\"params\":\\{.*?\"reboot\":true)?").matcher(up);
        while (rb.find()) if (rb.group(1).equals("Sys.Reboot") || rb.group(2) != null) reboots++;
        double chip = chipSeconds(up, methods);
        long logBytes = 0;
        for (String line : cap.downText().split("\n")) {
            String t = line.replace("\"\"\"", "").strip();
            if (!t.isEmpty() && !t.startsWith("{") && !t.equals("\u0004")) logBytes += line.length() + 1;
        }
        return new Result(form, seconds, frames, cap.bytes(), logBytes, chip, reboots, methods);
    }

    /**
     * The chip's share: via i2c, the maximum execution time of every command packet the host wrote
     * to the chip (word address 0x03) plus tWHI after every wake pulse; via rpc, the commands the
     * firmware's ATCA.* handlers run (atca.driver.ChipOps, reference/mos-rpc.md 6.3), each with a wake.
     */
    static double chipSeconds(String up, Map<String, Integer> methods) {
        long us = 0;
        Matcher w = I2C_WRITE.matcher(up);
        while (w.find()) {
            int addr = Integer.parseInt(w.group(1));
            byte[] data = HexFormat.of().parseHex(w.group(2));
            if (addr == 0) us += Timing.WAKE_HIGH_US;
            else if (data.length > 2 && data[0] == 0x03) us += Opcode.of(data[2] & 0xff).map(op -> Timing.maxExecutionUs(op, Variant.ATECC508A, 0)).orElse(0L);
        }
        Map<String, List<Opcode>> atca = new LinkedHashMap<>();
        atca.put("ATCA.GetConfig", List.of(Opcode.READ, Opcode.READ, Opcode.READ, Opcode.READ));
        List<Opcode> setConfig = new ArrayList<>();
        for (int i = 0; i < 13; i++) setConfig.add(Opcode.WRITE);
        setConfig.add(Opcode.UPDATE_EXTRA);
        setConfig.add(Opcode.UPDATE_EXTRA);
        atca.put("ATCA.SetConfig", setConfig);
        atca.put("ATCA.LockZone", List.of(Opcode.LOCK));
        atca.put("ATCA.SetKey", List.of(Opcode.WRITE));       // the encrypted one adds Read, Nonce, GenDig (below)
        atca.put("ATCA.GenKey", List.of(Opcode.GENKEY));
        atca.put("ATCA.GetPubKey", List.of(Opcode.GENKEY));
        atca.put("ATCA.Sign", List.of(Opcode.RANDOM, Opcode.NONCE, Opcode.SIGN));
        for (Map.Entry<String, List<Opcode>> e : atca.entrySet()) {
            int n = methods.getOrDefault(e.getKey(), 0);
            long one = 0;
            for (Opcode op : e.getValue()) one += Timing.WAKE_HIGH_US + Timing.maxExecutionUs(op, Variant.ATECC508A, 0);
            us += n * one;
        }
        Matcher enc = Pattern.compile("\"method\":\"ATCA.SetKey\",\"params\":\\{[^}]*\"wkey\"").matcher(up);
        while (enc.find()) {
            for (Opcode op : List.of(Opcode.READ, Opcode.NONCE, Opcode.GENDIG)) us += Timing.maxExecutionUs(op, Variant.ATECC508A, 0);
            us += Timing.maxExecutionUs(Opcode.PRIV_WRITE, Variant.ATECC508A, 0) - Timing.maxExecutionUs(Opcode.WRITE, Variant.ATECC508A, 0);
        }
        return us / 1e6;
    }

    static String row(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        Result med = sorted.get(sorted.size() / 2);
        StringBuilder all = new StringBuilder();
        for (Result r : results) all.append(String.format(" %.2f", r.seconds()));
        String what = switch (med.form()) {
            case "script:i2c" -> "`run provision-aws.groovy`, `--via i2c` (the default)";
            case "script:rpc" -> "`run provision-aws.groovy`, `--via rpc`";
            case "commands:i2c" -> "9 separate commands, `--via i2c`";
            case "commands:rpc" -> "9 separate commands, `--via rpc`";
            default -> med.form();
        };
        return String.format("| %s | %d | %,d (log %,d) | %.2f s (wire %.2f + chip %.2f + %d reboots) | %.2f s (all:%s) | %.2fx | %.2fx |",
                what, med.frames(), med.bytes(), med.logBytes(), med.floor(), med.wireSeconds(), med.chipSeconds(), med.reboots(),
                med.seconds(), all, med.seconds() / med.floor(), med.seconds() / NEEDS_S);
    }

    /** What the flow needs at 115200 (issue 26: 25 chip commands, the file, the config and its reboots). */
    static final double NEEDS_S = 2.2;

    private static void check(SeshRuns.Run r) {
        if (r.code() != 0) throw new IllegalStateException("sesh exited " + r.code() + ":\n" + r.err());
    }

    static SeshRuns.Run sesh(Path home, Capture cap, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main m = new Main(Map.of("SESH_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false, List::of);
        if (cap != null) m.wrapLinks(cap::wrap);
        int code = m.run(args);
        return new SeshRuns.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
