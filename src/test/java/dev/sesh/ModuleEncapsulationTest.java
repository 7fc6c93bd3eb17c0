package dev.sesh;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Red team for docs/decisions.md "Scripts cannot reach the link: JPMS strong encapsulation": starts
 * sesh as the launcher does (module dev.sesh on the module path, from target/classes and the
 * dependency jars) on a simulated board and has Groovy try every way it has around {@code private}
 * to reach the RPC client, the chip back end or their state. Each attempt must end with one
 * {@code error:} line, a non-zero exit, nothing reached on stdout, and the board folder unchanged.
 * A control run on the class path shows the same attack does reach the client there, so these
 * cases can fail. The good path (commands, Groovy, an example script) must still work.
 */
class ModuleEncapsulationTest {
    private static final String MAIN = "dev.sesh/dev.sesh.cli.Main";
    /** Reaching the client prints its toString (or its class), so stdout must never name it. */
    private static final List<String> REACHED = List.of("RpcClient", "RpcAtcaBackend", "HostI2cBackend", "Transport", "reached:");

    /** What the refusals say: the module boundary, the script guard, or a JDK module that is not there. */
    private static final List<String> REFUSED = List.of("refused: scripts cannot reach sesh's internals",
            "is not for scripts", "ClassNotFoundException: sun.misc.Unsafe", "stay inside sesh: a secret shows as its name and length");

    /** Attack name, then one console line of Groovy. */
    private static final Map<String, String> LINES = new LinkedHashMap<>();
    static {
        LINES.put("property", "println 'reached: ' + board.rpc");
        LINES.put("field operator", "println 'reached: ' + board.@rpc");
        LINES.put("metaClass property", "println 'reached: ' + board.metaClass.getProperty(board, 'rpc')");
        LINES.put("metaClass attribute", "println 'reached: ' + board.metaClass.getAttribute(board, 'rpc')");
        LINES.put("setAccessible", "println 'reached: ' + board.getClass().getDeclaredField('rpc').with { it.accessible = true; it.get(board) }");
        LINES.put("chip back end property", "println 'reached: ' + atca.backend");
        LINES.put("chip back end field", "println 'reached: ' + atca.@backend");
        LINES.put("chip board field", "println 'reached: ' + atca.@board.@rpc");
        LINES.put("private method", "println 'reached: ' + board.checkConfigSet('{}')");
        LINES.put("a secret's bytes", "println 'reached: ' + new dev.sesh.atca.SecretBytes('x', bytes('00' * 32)).bytes()");
        LINES.put("a secret's bytes field", "println 'reached: ' + new dev.sesh.atca.SecretBytes('x', bytes('00' * 32)).@bytes");
        LINES.put("CompileStatic private field",
                "@groovy.transform.CompileStatic Object grab(dev.sesh.device.Board b) { b.@rpc }; println 'reached: ' + grab(board)");
        LINES.put("closure delegate",
                "def c = { -> rpc }; c.delegate = board; c.resolveStrategy = Closure.DELEGATE_ONLY; println 'reached: ' + c()");
        LINES.put("Class.forName and public constructor",
                "println 'reached: ' + Class.forName('dev.sesh.rpc.RpcClient').getConstructors()[0].newInstance(null, null)");
        LINES.put("Class.forName and public static method",
                "println 'reached: ' + Class.forName('dev.sesh.rpc.transport.TcpTransport').getMethods().find { it.name == 'connect' }"
                        + ".invoke(null, '127.0.0.1', 1, java.time.Duration.ofMillis(1), null)");
        LINES.put("sun.misc.Unsafe",
                "def f = Class.forName('sun.misc.Unsafe').getDeclaredField('theUnsafe'); f.accessible = true; println 'reached: ' + f.get(null)");
        LINES.put("privateLookupIn",
                "import java.lang.invoke.MethodHandles; println 'reached: ' + MethodHandles.privateLookupIn(board.getClass(), MethodHandles.lookup())"
                        + ".findGetter(board.getClass(), 'rpc', Class.forName('dev.sesh.rpc.RpcClient')).invoke(board)");
        LINES.put("Module.addOpens",
                "board.getClass().module.addOpens('dev.sesh.device', this.getClass().module); println 'reached: ' + board.@rpc");
        LINES.put("Jackson field visibility",
                "println 'reached: ' + new com.fasterxml.jackson.databind.ObjectMapper().setVisibility("
                        + "com.fasterxml.jackson.annotation.PropertyAccessor.FIELD, com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)"
                        + ".convertValue(board, Map)");
    }

    /** Attack name, then a script file run with {@code run FILE}: each its own JVM, for the exit code. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();
    static {
        FILES.put("CompileStatic private field (file)", """
                import dev.sesh.device.Board
                @groovy.transform.CompileStatic
                Object grab(Board b) { b.@rpc }
                println 'reached: ' + grab((Board) board)
                """);
        FILES.put("new thread (file)", """
                def err = null
                def t = new Thread({
                    try { println 'reached: ' + board.getClass().getDeclaredField('rpc').with { it.accessible = true; it.get(board) } }
                    catch (Throwable e) { err = e }
                })
                t.start(); t.join()
                if (err) throw err
                """);
        FILES.put("sun.misc.Unsafe (file)", """
                def f = Class.forName('sun.misc.Unsafe').getDeclaredField('theUnsafe')
                f.accessible = true
                println 'reached: ' + f.get(null)
                """);
    }

    @TempDir static Path tmp;
    private static List<String> modulePath;
    private static Path board;
    private static Map<String, String> boardBefore;
    private static List<String> cds = List.of();

    @BeforeAll
    static void simulatedBoard() {
        modulePath = modulePath();
        board = tmp.resolve("board");
        // The first run also records the classes sesh loads (AppCDS, as scripts/sesh does), so the others start faster.
        Path jsa = tmp.resolve("sesh.jsa");
        Run first = run(tmp.resolve("home0"), List.of("-XX:ArchiveClassesAtExit=" + jsa, "-p", String.join(File.pathSeparator, modulePath), "-m", MAIN), "",
                "--port", "sim:" + board, "-c", "x = board.info(); [1, 2].collect { it * 2 }.sum() + hex(bytes('0a'))");
        if (Files.exists(jsa)) cds = List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertEquals(0, first.code, first.err);
        boardBefore = snapshot(board);
        assertFalse(boardBefore.isEmpty(), "the simulator keeps its board in " + board);
    }

    @Test
    void everyConsoleAttackIsRefusedInOneLineAndTheBoardIsUnchanged() throws IOException {
        Path copy = copyOfBoard(tmp.resolve("board-console"));
        String stdin = String.join("\n", LINES.values()) + "\n6 * 7\n";
        Run r = run(tmp.resolve("home-console"), List.of(), stdin, "--port", "sim:" + copy, "--yes-irreversible");
        String all = r.out + r.err;
        List<String> errors = all.lines().map(l -> l.replaceFirst("^(sesh \\[sim\\]> )+", ""))
                .filter(l -> l.startsWith("error:")).toList();
        List<String> names = List.copyOf(LINES.keySet());
        assertEquals(LINES.size(), errors.size(), "one error line per attack\n" + all);
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            String name = names.get(i);
            String error = errors.get(i);
            checks.add(() -> assertTrue(REFUSED.stream().anyMatch(error::contains), name + ": " + error));
        }
        checks.add(() -> assertTrue(REACHED.stream().noneMatch(r.out::contains), "reached\n" + r.out));
        checks.add(() -> assertFalse(all.contains("\tat ") || all.contains("bug in sesh"), "a stack trace\n" + all));
        checks.add(() -> assertTrue(r.out.contains("===> 42"), "the console goes on after the refusals\n" + all));
        checks.add(() -> assertEquals(boardBefore, snapshot(copy), "the board folder changed"));
        assertAll(checks);
    }

    @Test
    void scriptFileAttacksExitNonZeroInOneLine() throws Exception {
        Map<String, Future<Run>> runs = new LinkedHashMap<>();
        Map<String, Path> boards = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int i = 0;
            for (var attack : FILES.entrySet()) {
                Path script = tmp.resolve("attack" + i + ".groovy");
                Files.writeString(script, attack.getValue());
                Path home = tmp.resolve("home-attack" + i);
                Path copy = copyOfBoard(tmp.resolve("board-attack" + i++));
                boards.put(attack.getKey(), copy);
                runs.put(attack.getKey(), pool.submit(() ->
                        run(home, List.of(), "", "--port", "sim:" + copy, "--yes-irreversible", "run", script.toString())));
            }
            List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
            for (var e : runs.entrySet()) {
                Run r = e.getValue().get(120, TimeUnit.SECONDS);
                String name = e.getKey();
                checks.add(() -> {
                    assertTrue(r.code != 0, name + ": exit 0\n" + r.out + r.err);
                    assertEquals(1, r.err.lines().filter(l -> l.startsWith("error:")).count(), name + ": one error line\n" + r.err);
                    assertFalse(r.err.contains("\tat ") || r.err.contains("bug in sesh"), name + ": a stack trace\n" + r.err);
                    assertTrue(REACHED.stream().noneMatch(r.out::contains), name + ": reached\n" + r.out);
                    assertTrue(REFUSED.stream().anyMatch(r.err::contains), name + ": failed for another reason\n" + r.err);
                    assertEquals(boardBefore, snapshot(boards.get(name)), name + ": the board folder changed");
                });
            }
            assertAll(checks);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path copyOfBoard(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(board)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(board.relativize(f).toString()));
            }
        }
        return to;
    }

    @Test
    void moduleRefusalsNameTheModuleNotAGroovyError() throws IOException {
        Path script = tmp.resolve("lookup.groovy");
        Files.writeString(script, """
                import java.lang.invoke.MethodHandles
                println MethodHandles.privateLookupIn(board.getClass(), MethodHandles.lookup())
                """);
        Run r = run(tmp.resolve("home-lookup"), List.of(), "", "--port", "sim:" + board, "run", script.toString());
        assertEquals(SeshException.DECLINED, r.code, r.err);
        assertTrue(r.err.startsWith("error: lookup.groovy:2: refused: scripts cannot reach sesh's internals "
                + "(module dev.sesh does not open dev.sesh.device to scripts)"), r.err);
        Run field = run(tmp.resolve("home-field"), List.of(), "", "--port", "sim:" + board, "-c", "board.@rpc");
        assertEquals(SeshException.DECLINED, field.code, field.err);
        assertTrue(field.err.startsWith("error: refused: scripts cannot reach sesh's internals (Board.rpc is private to module dev.sesh)"), field.err);
    }

    /** The control: on the class path (the unnamed module) Groovy does reach the client. */
    @Test
    void onTheClassPathTheSameAttackReachesTheClient() {
        Run r = run(tmp.resolve("home-cp"), List.of("-cp", String.join(File.pathSeparator, modulePath), "dev.sesh.cli.Main"), "",
                "--port", "sim:" + tmp.resolve("cp-board"), "-c", "board.@rpc.getClass().name");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("dev.sesh.rpc.RpcClient"), r.out);
    }

    @Test
    void theGoodPathWorksOnTheModulePath() throws Exception {
        Path examples = Path.of("scripts", "examples", "inspect-board.groovy").toAbsolutePath();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> info = pool.submit(() -> run(tmp.resolve("h1"), List.of(), "", "--port", "sim:" + tmp.resolve("g1"), "-c", "info"));
            Future<Run> slot = pool.submit(() -> run(tmp.resolve("h2"), List.of(), "", "--port", "sim:" + tmp.resolve("g2"), "-c", "atca.slots[0]"));
            Future<Run> json = pool.submit(() -> run(tmp.resolve("h3"), List.of(), "", "--port", "sim:" + tmp.resolve("g3"), "--json", "info"));
            Future<Run> groovy = pool.submit(() -> run(tmp.resolve("h4"), List.of(), "", "--port", "sim:" + tmp.resolve("g4"), "-c",
                    "[ModuleLayer.boot().findModule('jdk.unsupported').isPresent(), board.info().id().startsWith('esp'), hex(bytes('0a')), board.getClass().module.name]"));
            Future<Run> script = pool.submit(() -> run(tmp.resolve("h5"), List.of(), "", "--port", "sim:" + tmp.resolve("g5"), "run", examples.toString()));
            Run r;
            r = info.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.contains("mongoose os"), r.out);
            r = slot.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.contains("slotConfig"), r.out);
            r = json.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.strip().startsWith("{") && r.out.contains("\"fw_id\""), r.out);
            r = groovy.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.code, r.err);
            // jdk.unsupported (sun.misc.Unsafe) is not in the boot layer; sesh runs as module dev.sesh.
            assertTrue(r.out.contains("[false, true, 0a, dev.sesh]"), r.out);
            r = script.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.code, r.err);
            assertFalse(r.out.isBlank());
        } finally {
            pool.shutdownNow();
        }
    }

    record Run(int code, String out, String err) {}

    /** sesh in a fresh JVM: module dev.sesh from target/classes and the jars, unless {@code launch} says otherwise. */
    private static Run run(Path home, List<String> launch, String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+DisableAttachMechanism"));
        if (launch.isEmpty()) {
            cmd.addAll(cds);
            cmd.addAll(List.of("-p", String.join(File.pathSeparator, modulePath), "-m", MAIN));
        } else {
            cmd.addAll(launch);
        }
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(home);
            Path in = Files.writeString(Files.createTempFile(tmp, "in", ".txt"), stdin);
            Path out = Files.createTempFile(tmp, "out", ".txt");
            Path err = Files.createTempFile(tmp, "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(in.toFile());
            pb.environment().put("SESH_HOME", home.toString());
            pb.environment().put("NO_COLOR", "1");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("sesh did not finish in 120 s: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** target/classes (with module-info.class) as a jar, and the main dependency jars from the test class path. */
    private static List<String> modulePath() {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        assertTrue(Files.exists(classes.resolve("module-info.class")), "no module-info.class in " + classes);
        // A jar, as scripts/sesh runs: class-data sharing archives classes from jars only.
        Path jar = tmp.resolve("sesh.jar");
        ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
        assertEquals(0, jarTool.run(System.out, System.err, "--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> path = new ArrayList<>(List.of(jar.toString()));
        Stream.of(cp.split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar"))
                .filter(e -> Stream.of("junit", "opentest4j", "apiguardian", "surefire").noneMatch(e::contains))
                .forEach(path::add);
        assertTrue(path.stream().anyMatch(e -> e.contains("groovy")), "no Groovy jar on " + cp);
        return path;
    }

    /** File name to SHA-256 of its content, for every file under {@code dir}. */
    private static Map<String, String> snapshot(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    f -> dir.relativize(f).toString(),
                    f -> {
                        try {
                            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
