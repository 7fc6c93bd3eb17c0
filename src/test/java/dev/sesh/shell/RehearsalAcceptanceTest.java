package dev.sesh.shell;

import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.plan.AuditEntry;
import dev.sesh.plan.AuditLog;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.FrameAuditEntry;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.script.Boards;
import dev.sesh.script.GroovyFacade;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.confirm.TerminalGate;
import dev.sesh.shell.format.Style;
import dev.sesh.sim.FaultSpec;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.sim.chip.ChipMemory;
import dev.sesh.plan.LocalFileGuard;
import dev.sesh.testing.BoardSnapshot;
import dev.sesh.testing.Vectors;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23's acceptance, on a simulated board standing in for a wired one (a {@code sim:PATH}
 * folder behind the session's own terminal gate and link guard, on a virtual clock): a config
 * whose slot 0 forbids the article's encrypted write makes the {@code atca lock config} plan show
 * that failure before the phrase is asked; {@code rehearse provision-aws.groovy} reports the same
 * failure at the right step and leaves the board unchanged (folder snapshot, audit, guard); with
 * the article's config both show every step ok.
 */
class RehearsalAcceptanceTest {
    private static final String FAILURE = "encrypted PrivWrite with slot 4 refused (WriteConfig of slot 0 forbids PrivWrite; WriteConfig=0x2";

    @TempDir Path dir;

    final VirtualClock clock = new VirtualClock();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    final List<FrameAuditEntry> frames = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final List<AutoCloseable> open = new ArrayList<>();
    Path real;

    @AfterEach
    void close() throws Exception { for (AutoCloseable c : open) c.close(); }

    /** The article's config, with slot 0's WriteConfig 6 (GenKey and encrypted PrivWrite) replaced by {@code writeConfig0}. */
    static ConfigZone config(int writeConfig0) throws IOException {
        ConfigZone z = ConfigZone.of(Bytes.ofHex(Files.readString(Vectors.referenceDir().resolve("atca-aws-test.hex"))));
        return z.withSlotConfig(0, z.slotConfig(0).withWriteConfig(writeConfig0));
    }

    /** A board folder whose chip holds {@code wanted}'s writable bytes, both zones still open (written, not locked). */
    Path wiredBoard(ConfigZone wanted) throws IOException {
        Path board = dir.resolve("wired");
        Files.createDirectories(board);
        Bytes factory = ChipMemory.factoryNew(Variant.ATECC508A, 77).config();
        Bytes chip = factory.slice(0, 16).concat(wanted.bytes().slice(16, 84)).concat(factory.slice(84, 88)).concat(wanted.bytes().slice(88, 128));
        Files.write(board.resolve(SimFirmware.CHIP_FILE), ChipMemory.withConfig(Variant.ATECC508A, chip).save());
        return board;
    }

    Board connect(String port, Path folder, ChangeGate gate) {
        SimBoard sim = SimFirmware.open(new SimOptions(Optional.of(folder), Variant.ATECC508A, 0, FaultSpec.none(), 5), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        sim.attach(link.device());
        Board b = new Board(new RpcClient(link.host(), RpcOptions.defaults().withClock(clock), gate.guardFor(port)::admit), port, "wired", gate, clock);
        b.info();
        return b;
    }

    /** The console on the wired board: its gate asks on a terminal that answers {@code typed}; the connector opens twins as Main's does. */
    SeshSystemRegistry console(Path board, String typed) throws IOException {
        Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        open.add(terminal);
        AuditLog log = new AuditLog() {
            @Override public void append(AuditEntry entry) { audit.add(entry); }
            @Override public void appendFrame(FrameAuditEntry entry) { frames.add(entry); }
        };
        TerminalGate gate = new TerminalGate(terminal, new PlanRenderer(Style.plain()), log, Clock.fixed(Instant.parse("2026-12-07T20:00:00Z"), ZoneOffset.UTC));
        String port = "sim:" + board;
        Board wired = connect(port, board, gate);
        Session session = new Session(new BoardConnector() {
            @Override public Board open(String p) { throw new IllegalStateException("not in this test"); }
            @Override public Board openTwin(String simPort, ChangeGate twinGate) {
                assertNotEquals(port, simPort, "a rehearsal never reopens the wired board");
                return connect(simPort, Path.of(simPort.substring(4)), twinGate);
            }
            @Override public List<SerialPortEntry> ports() { return List.of(); }
        }, new PrintWriter(out, true), new PrintWriter(err, true), new ErrorReporter(false), false);
        open.add(session);
        session.adopt(wired);
        Boards boards = new Boards(session.connector());
        return new SeshSystemRegistry(session, new ScriptConsole(session,
                GroovyFacade.startNow(ScriptBindings.of(session, boards, session.out(), LocalFileGuard.refusing()))));
    }

    String rehearseProvisioning(SeshSystemRegistry console, ConfigZone config, int expectedCode) throws IOException {
        Path cfg = Files.writeString(dir.resolve("config.hex"), config.bytes().hex());
        Path key = dir.resolve("ecc.key.pem");
        Path cert = dir.resolve("ecc.crt.pem");
        Path writeKey = Files.writeString(dir.resolve("slot4.key"), "5a".repeat(32) + "\n");
        assertEquals(0, console.execute("x509 keygen " + key), err.toString());
        assertEquals(0, console.execute("x509 selfsign " + key + " " + cert + " --subject CN=sesh-test --days 30"), err.toString());
        BoardSnapshot before = BoardSnapshot.of(real);
        audit.clear();
        int code = console.execute("rehearse scripts/examples/provision-aws.groovy " + cfg + " " + key + " " + cert + " " + writeKey);
        String e = err.toString();
        assertEquals(expectedCode, code, e);
        assertEquals(Set.of(), before.differences(BoardSnapshot.of(real)), "the wired board's folder changed:\n" + e);
        assertEquals(List.of(), audit, "the wired board's gate was asked for a change");
        assertEquals(List.of(), frames, "the wired board's guard let a change frame through");
        assertTrue(e.contains("nothing but reads was sent to sim:" + real), e);
        assertTrue(e.contains("to run it for real: sesh --port sim:" + real + " run scripts/examples/provision-aws.groovy " + cfg), e);
        return e;
    }

    /** The console on a wired board holding {@code config}, after {@code atca lock config} was declined (Enter at the phrase). */
    SeshSystemRegistry declinedLock(ConfigZone config) throws IOException {
        real = wiredBoard(config);
        SeshSystemRegistry console = console(real, "\n\n");
        assertEquals(3, console.execute("atca lock config"), err.toString());
        return console;
    }

    @Test
    void aConfigThatForbidsTheEncryptedWriteShowsInTheLockPlanAndTheRehearsal() throws IOException {
        ConfigZone bad = config(2);
        SeshSystemRegistry console = declinedLock(bad);
        String s = screen.toString(StandardCharsets.UTF_8);
        int failure = s.indexOf("slot 0: sign ok, ECDH ok, GenKey ok, " + FAILURE);
        int question = s.indexOf("type \"lock config ");
        assertTrue(failure > 0 && question > failure, "the failure is shown before the phrase is asked:\n" + s);
        assertTrue(s.contains("slots 1-3: sign ok, ECDH ok, GenKey ok, encrypted PrivWrite with slot 4 ok"), s);

        String e = rehearseProvisioning(console, bad, 1);
        assertTrue(e.contains("[twin]     slot 0: sign ok, ECDH ok, GenKey ok, " + FAILURE), "the twin's lock plan shows it too:\n" + e);
        String report = e.substring(e.indexOf("rehearsal of scripts/examples/provision-aws.groovy"));
        // The key import into slot 0 (script line 65), right after the write key went into slot 4.
        assertTrue(report.matches("(?s).*step (\\d+): write 32 bytes from [^\\n]*slot4.key into slot 4 [^\\n]*: ok\\n"
                + "  step (\\d+): FAILED before any change was sent: provision-aws.groovy:65: the data zone is locked and slot 0's WriteConfig does not allow an encrypted PrivWrite[^\\n]*\\n"
                + ".*it would fail at step \\2 .*"), report);
        assertTrue(report.contains("LOCK the config zone") && report.contains("LOCK the data and OTP zones"), report);
    }

    @Test
    void theArticlesConfigRehearsesWithEveryStepOk() throws IOException {
        ConfigZone article = config(6);
        SeshSystemRegistry console = declinedLock(article);
        String s = screen.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("slots 0-3: sign ok, ECDH ok, GenKey ok, encrypted PrivWrite with slot 4 ok"), s);
        assertTrue(s.indexOf("slots 0-3: sign ok") < s.indexOf("type \"lock config "), s);

        String e = rehearseProvisioning(console, article, 0);
        String report = e.substring(e.indexOf("rehearsal of scripts/examples/provision-aws.groovy"));
        assertTrue(!report.contains("FAILED"), report);
        assertTrue(report.contains("every step worked on the twin."), report);
        assertTrue(report.contains("LOCK the config zone") && report.contains("into slot 0"), report);
    }

    @Test
    void twinCopiesWhatCanBeReadAndSaysItIsATwin() throws IOException {
        Bytes config = config(6).withByte(86, 0).withByte(87, 0).bytes();          // both zones locked
        Bytes chip = ChipMemory.factoryNew(Variant.ATECC508A, 77).config().slice(0, 16).concat(config.slice(16, 128));
        ChipMemory wired = ChipMemory.withConfig(Variant.ATECC508A, chip);
        List<Bytes> slots = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            byte[] b = new byte[dev.sesh.atca.command.Address.slotSize(n)];
            java.util.Arrays.fill(b, (byte) (n + 1));
            slots.add(Bytes.of(b));
        }
        ChipMemory memory = ChipMemory.of(Variant.ATECC508A, wired.config(), wired.otp(), slots);
        real = dir.resolve("wired");
        Files.createDirectories(real);
        Files.write(real.resolve(SimFirmware.CHIP_FILE), memory.save());
        SeshSystemRegistry console = console(real, "");
        Path tw = dir.resolve("tw");
        BoardSnapshot before = BoardSnapshot.of(real);

        assertEquals(0, console.execute("twin " + tw), err.toString());
        assertEquals(Set.of(), before.differences(BoardSnapshot.of(real)));
        ChipMemory copy = ChipMemory.load(Files.readAllBytes(tw.resolve(SimFirmware.CHIP_FILE)));
        assertEquals(memory.config(), copy.config(), "config zone, serial and locks as read");
        assertEquals(memory.slot(10), copy.slot(10), "a clear slot is copied");
        assertNotEquals(memory.slot(4), copy.slot(4), "a secret slot holds random values");
        String twinTxt = Files.readString(tw.resolve("twin.txt"));
        assertTrue(twinTxt.contains("  slot 0 (private key: a random valid P-256 key)\n") && twinTxt.contains("  slot 4\n") && !twinTxt.contains("  slot 10\n"), twinTxt);
        assertEquals(BoardSnapshot.of(real).files().keySet().stream().filter(f -> f.startsWith("fs/")).toList(),
                BoardSnapshot.of(tw).files().keySet().stream().filter(f -> f.startsWith("fs/")).toList(), "the files and saved config");

        Board twin = connect("sim:" + tw, tw, new dev.sesh.plan.AuditedGate(plan -> new dev.sesh.plan.Decision(dev.sesh.plan.Answer.DECLINED, "no change here", ""),
                e -> { }, Clock.systemUTC()));
        open.add(twin::close);
        assertTrue(twin.statusLine().endsWith(" TWIN"), twin.statusLine());
        assertTrue(twin.info().twinOf().orElseThrow().startsWith(twin.info().id() + " on sim:" + real), "the original's id: " + twin.info().json());

        BoardSnapshot made = BoardSnapshot.of(tw);
        assertEquals(3, console.execute("twin " + tw), "a folder with content is not replaced without asking");
        assertTrue(err.toString().contains(tw + " is not empty"), err.toString());
        assertEquals(Set.of(), made.differences(BoardSnapshot.of(tw)));

        Path second = dir.resolve("tw2");
        out.getBuffer().setLength(0);
        assertEquals(0, console.execute("twin " + second + " --json"), err.toString());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals(second.toString(), j.get("dir").asText());
        List<Integer> random = new ArrayList<>();
        j.get("random_slots").forEach(n -> random.add(n.asInt()));
        assertTrue(random.contains(0) && random.contains(4) && !random.contains(10), "the slots filled with random values: " + j);
        assertTrue(j.get("notes").isArray() && j.get("notes").size() > 0, j.toString());
    }
}
