package dev.sesh.shell;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import dev.sesh.plan.ChangeGate;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.script.Bindings;
import dev.sesh.script.GroovyFacade;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.confirm.TerminalGate;
import dev.sesh.shell.format.Style;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script's changes meet the terminal's question even though the script comes from a file: the
 * same Board, the same gate. The terminal answers as typed; the board is the simulated one.
 */
class ScriptGateTest {
    @TempDir Path dir;

    final VirtualClock clock = new VirtualClock();
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<Object> audit = new ArrayList<>();
    Terminal terminal;
    Board board;

    ScriptConsole consoleAnswering(String typed) throws IOException {
        terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        ChangeGate gate = new TerminalGate(terminal, new PlanRenderer(Style.plain()), audit::add,
                Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC));
        SimBoard sim = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        sim.attach(link.device());
        board = new Board(new RpcClient(link.host(), RpcOptions.defaults().withClock(clock)), "sim:", "sim", gate, clock);
        Session session = new Session(new BoardConnector() {
            @Override public Board open(String port) { throw new IllegalStateException("not in this test"); }

            @Override public List<SerialPortEntry> ports() { return List.of(); }
        }, new PrintWriter(out, true), new PrintWriter(err, true), new ErrorReporter(false), false);
        session.adopt(board);
        Bindings bindings = Bindings.builder(session.out(), clock).bind("board", session::board).build();
        return new ScriptConsole(session, GroovyFacade.startNow(bindings));
    }

    @AfterEach
    void close() throws IOException {
        if (board != null) board.close();
        if (terminal != null) terminal.close();
    }

    Path script(String text) throws IOException {
        Path p = dir.resolve("change.groovy");
        Files.writeString(p, text);
        return p;
    }

    static final String CHANGE = "println 'before'\n"
            + "board.call('Config.Set', '{\"config\":{\"debug\":{\"level\":3}},\"save\":false}')\n"
            + "println 'after'\n";

    @Test
    void declinedOnTheTerminalStopsTheScriptWithExit3() throws IOException {
        ScriptConsole console = consoleAnswering("n\n");
        assertEquals(3, console.runFile(script(CHANGE), List.of()));
        assertEquals("before\n", out.toString().replace("\r", ""));
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("Config.Set") && shown.contains("[y/N]"), "the plan and the question on the terminal: " + shown);
        assertTrue(err.toString().startsWith("error: change.groovy:2: declined"), err.toString());
    }

    @Test
    void approvedOnTheTerminalGoesOn() throws IOException {
        ScriptConsole console = consoleAnswering("y\n");
        assertEquals(0, console.runFile(script(CHANGE), List.of()), err.toString());
        assertEquals("before\nafter\n", out.toString().replace("\r", ""));
        assertEquals("3", board.call("Config.Get", "{\"key\":\"debug.level\"}"));
    }

    @Test
    void readOnlyCallsNeverAsk() throws IOException {
        ScriptConsole console = consoleAnswering("");
        assertEquals(0, console.runFile(script("println board.info().arch\nprintln board.call('Config.Get', '{\"key\":\"i2c.enable\"}')\n"), List.of()),
                err.toString());
        assertEquals("esp8266\ntrue\n", out.toString().replace("\r", ""));
        assertEquals("", screen.toString(StandardCharsets.UTF_8));
        assertTrue(audit.isEmpty(), "nothing to audit: " + audit);
    }
}
