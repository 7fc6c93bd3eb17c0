package dev.sesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sesh.testing.BoardSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Red team for the guard at the link (issue 15, design.md 5.9): every way a script or a command
 * line could put a change frame on the wire without an approved plan that covers it. Each attack
 * runs with {@code --yes-irreversible} (the most permissive flag there is) unless it is about the
 * flag, on a simulated board in a folder; it must end refused (exit 3, one clear error line) and
 * the board's files, saved config and chip EEPROM must be byte for byte what they were.
 */
class LinkGuardRedTeamTest {
    @TempDir static Path shared;
    static Path factory;
    static Path configured;

    /** A factory board, and one whose config zone holds the article's config (unlocked). */
    @BeforeAll
    static void boards() throws IOException {
        factory = shared.resolve("factory");
        ok(SeshRuns.run(shared.resolve("home"), "--port", "sim:" + factory, "-c", "info"));
        configured = shared.resolve("configured");
        BoardSnapshot.copy(factory, configured);
        ok(SeshRuns.run(shared.resolve("home"), "--port", "sim:" + configured, "--yes", "atca", "config", "set",
                Path.of("src/test/resources/reference/atca-aws-test.yaml").toAbsolutePath().toString()));
    }

    record Attack(String name, Path template, List<String> args) {
        @Override public String toString() { return name; }
    }

    static List<Attack> attacks() {
        List<Attack> a = new ArrayList<>();
        String fsRemove = "'{\"filename\":\"conf0.json\"}'";
        // 1. property access to the client
        a.add(script("property access to the client", factory, "board.rpc.call('FS.Remove', " + fsRemove + ")"));
        a.add(script("field access to the client", factory, "board.@rpc.call('FS.Remove', " + fsRemove + ")"));
        a.add(script("the client through metaClass", factory, "board.metaClass.getAttribute(board, 'rpc').call('FS.Remove', " + fsRemove + ")"));
        a.add(script("the client by reflection", factory,
                "def f = board.getClass().getDeclaredField('rpc'); f.accessible = true; f.get(board).call('FS.Remove', " + fsRemove + ")"));
        // 2. the chip back end
        a.add(script("chip back end locks the config zone", configured,
                "def z = atca.config(); atca.backend.lockConfig(dev.sesh.atca.packet.Crc16.of(z.bytes()))"));
        a.add(script("raw board call", factory, "board.raw('FS.Remove', " + fsRemove + ")"));
        // 3. @CompileStatic
        a.add(script("@CompileStatic raw call", factory,
                "@groovy.transform.CompileStatic def put(dev.sesh.device.Board b) { b.raw('FS.Put', '{\"filename\":\"x.txt\",\"data\":\"aGk=\",\"append\":false}') }; put(board)"));
        // 4. the chip address as a string: an irreversible lock, approved only by --yes
        a.add(new Attack("chip address as a string, --yes only", configured, List.of("--yes", "-c",
                "i2c.wakeChip(); board.call('I2C.Write', '{\"addr\":\"96\",\"data_hex\":\"030717800000398d\"}')")));
        a.add(new Attack("chip address as hex text and upper-case data, --yes only", configured, List.of("--yes", "-c",
                "i2c.wakeChip(); board.call('i2c.write', '{\"addr\":\"0x60\",\"data_hex\":\"030717800000398D0\"}')")));
        // 5. a chip command to another address (a moved chip)
        a.add(new Attack("chip command at another address, --yes only", configured,
                List.of("--yes", "i2c", "write", "--wake", "0x58", "030717800000398d")));
        // 6. batch approval widened
        a.add(script("batch widened to a lock", configured,
                "def p = dev.sesh.plan.Plan.builder('put a file', board.target()).change(new dev.sesh.plan.Change.FileWrite('a.txt', 2, false)).build();"
                        + " board.gate().batch(p, [board.portText()] as Set, { board.raw('ATCA.LockZone', '{\"zone\":0}') })", "--yes"));
        a.add(script("batch covering a reversible call used for a lock", configured,
                "def p = dev.sesh.plan.Plan.builder('call', board.target()).change(dev.sesh.plan.Change.RpcCall.of('FS.Remove', '{\"filename\":\"conf0.json\"}')).build();"
                        + " board.gate().batch(p, [board.portText()] as Set, { board.call('ATCA.LockZone', '{\"zone\":0}') })", "--yes"));
        // approvals are as narrow as the plan the user saw
        a.add(script("approved file used for another file", factory,
                "def p = dev.sesh.plan.Plan.builder('put a.txt', board.target()).change(new dev.sesh.plan.Change.FileWrite('a.txt', 2, false)).build();"
                        + " board.gate().apply(p, { board.raw('FS.Put', '{\"filename\":\"b.txt\",\"data\":\"aGk=\",\"append\":false}') })"));
        a.add(script("a staged put whose temporary name is another file", factory,
                "def p = dev.sesh.plan.Plan.builder('put a.txt', board.target()).change(new dev.sesh.plan.Change.FileWrite('a.txt', 2, false, 'conf0.json')).build();"
                        + " board.gate().apply(p, { board.raw('FS.Remove', '{\"filename\":\"conf0.json\"}') })", "--yes"));
        a.add(script("a thread outliving its approval", factory,
                "def t; def p = dev.sesh.plan.Plan.builder('put a.txt', board.target()).change(new dev.sesh.plan.Change.FileWrite('a.txt', 2, false)).build();"
                        + " def err = null; board.gate().apply(p, { t = Thread.start { sleep 300; try { board.raw('FS.Put', '{\"filename\":\"a.txt\",\"data\":\"aGk=\",\"append\":false}') } catch (e) { err = e } } }); t.join(); if (err) throw err"));
        a.add(script("a new thread without approval", factory,
                "def err = null; Thread.start { try { board.raw('FS.Remove', " + fsRemove + ") } catch (e) { err = e } }.join(); if (err) throw err"));
        a.add(script("a gate the script made itself", configured,
                "def g = new dev.sesh.plan.AuditedGate({ p -> new dev.sesh.plan.Decision(dev.sesh.plan.Answer.APPROVED, '', '') } as dev.sesh.plan.Approver, { e -> } as dev.sesh.plan.AuditLog, java.time.Clock.systemUTC());"
                        + " def p = dev.sesh.plan.Plan.builder('lock', board.target()).change(dev.sesh.plan.Change.Lock.data(java.util.OptionalInt.empty())).phrase('lock data').build();"
                        + " g.apply(p, { board.raw('ATCA.LockZone', '{\"zone\":0}') })"));
        a.add(script("method name in another case and a numeric string", configured, "board.raw('atca.LOCKZONE', '{\"zone\":\"0\"}')"));
        a.add(script("lock through a float", configured, "board.raw('ATCA.LockZone', '{\"zone\":0.0}')"));
        a.add(script("i2c write through the bus object", configured, "i2c.wakeChip(); i2c.rawWrite(0x60, dev.sesh.bytes.Bytes.ofHex('030717800000398d'))"));
        return a;
    }

    static Attack script(String name, Path template, String groovy, String... flags) {
        List<String> args = new ArrayList<>(flags.length == 0 ? List.of("--yes-irreversible") : List.of(flags));
        args.add("-c");
        args.add(groovy);
        return new Attack(name, template, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusedAndTheBoardIsUnchanged(Attack attack, @TempDir Path dir) {
        Path board = dir.resolve("board");
        BoardSnapshot.copy(attack.template(), board);
        BoardSnapshot before = BoardSnapshot.of(board);
        List<String> args = new ArrayList<>(List.of("--port", "sim:" + board));
        args.addAll(attack.args());
        SeshRuns.Run r = SeshRuns.run(dir.resolve("home"), args.toArray(String[]::new));
        assertTrue(r.code() == 3 || r.code() == 1 || r.code() == 2, attack + ": exit " + r.code() + "\n" + r.err());
        assertEquals(java.util.Optional.empty(), r.unclearFailure(), attack + ": " + r.err());
        assertEquals(java.util.Set.of(), BoardSnapshot.of(board).differences(before), attack + " changed the board: " + r.err());
    }

    @Test
    void theRefusalNamesTheFrameAndIsAudited(@TempDir Path dir) throws IOException {
        Path board = dir.resolve("board");
        BoardSnapshot.copy(factory, board);
        Path home = dir.resolve("home");
        SeshRuns.Run r = SeshRuns.run(home, "--port", "sim:" + board, "--yes-irreversible", "-c", "board.raw('FS.Remove', '{\"filename\":\"conf0.json\"}')");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.errorLine().contains("FS.Remove conf0.json") && r.errorLine().contains("no approved plan"), r.errorLine());
        String audit = Files.readString(home.resolve("audit.log"));
        assertTrue(audit.contains("\"sent\":false") && audit.contains("FS.Remove"), audit);
    }

    @Test
    void anApprovedChangeIsAuditedFrameByFrameWithItsPlan(@TempDir Path dir) throws IOException {
        Path board = dir.resolve("board");
        BoardSnapshot.copy(factory, board);
        Path home = dir.resolve("home");
        Path file = Files.writeString(dir.resolve("hello.txt"), "hello");
        ok(SeshRuns.run(home, "--port", "sim:" + board, "--yes", "fs", "put", file.toString(), "hello.txt"));
        List<String> lines = Files.readAllLines(home.resolve("audit.log"));
        String frame = lines.stream().filter(l -> l.contains("\"frame\"")).findFirst().orElseThrow(() -> new AssertionError(lines.toString()));
        String plan = lines.stream().filter(l -> l.contains("\"result\"")).findFirst().orElseThrow(() -> new AssertionError(lines.toString()));
        assertTrue(frame.contains("\"sent\":true") && frame.contains("FS.Put .sesh-put-"), frame);
        assertTrue(lines.stream().anyMatch(l -> l.contains("FS.Rename .sesh-put-") && l.contains(" -> hello.txt") && l.contains("\"sent\":true")), lines.toString());
        String id = frame.replaceAll(".*\"plan_id\":\"([^\"]+)\".*", "$1");
        assertTrue(plan.contains("\"plan_id\":\"" + id + "\""), plan + " / " + frame);
        assertTrue(!String.join("\n", lines).contains("aGVsbG8"), "file bytes in the audit log");
    }

    private static void ok(SeshRuns.Run r) { assertEquals(0, r.code(), r.err()); }
}
