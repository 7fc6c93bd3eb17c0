package dev.sesh.shell;

import dev.sesh.testing.ShellHarness;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.plan.ChangeGate;
import dev.sesh.script.Bindings;
import dev.sesh.script.GroovyFacade;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.confirm.TerminalGate;
import dev.sesh.shell.format.Style;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    final List<Object> audit = new ArrayList<>();
    Terminal terminal;
    ShellHarness shell;
    Board board;

    ScriptConsole consoleAnswering(String typed) throws IOException {
        terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        ChangeGate gate = new TerminalGate(terminal, new PlanRenderer(Style.plain()), audit::add,
                Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC));
        shell = ShellHarness.over(ShellHarness.simulatedBoard(gate, clock));
        board = shell.board;
        Bindings bindings = Bindings.builder(shell.session.out(), clock).bind("board", shell.session::board).build();
        return new ScriptConsole(shell.session, GroovyFacade.startNow(bindings));
    }

    @AfterEach
    void close() throws IOException {
        if (shell != null) shell.close();
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
        assertEquals("before\n", shell.out());
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("Config.Set") && shown.contains("[y/N]"), "the plan and the question on the terminal: " + shown);
        assertTrue(shell.err().startsWith("error: change.groovy:2: declined"), shell.err());
    }

    @Test
    void approvedOnTheTerminalGoesOn() throws IOException {
        ScriptConsole console = consoleAnswering("y\n");
        assertEquals(0, console.runFile(script(CHANGE), List.of()), shell.err());
        assertEquals("before\nafter\n", shell.out());
        assertEquals("3", board.call("Config.Get", "{\"key\":\"debug.level\"}"));
    }

    @Test
    void readOnlyCallsNeverAsk() throws IOException {
        ScriptConsole console = consoleAnswering("");
        assertEquals(0, console.runFile(script("println board.info().arch\nprintln board.call('Config.Get', '{\"key\":\"i2c.enable\"}')\n"), List.of()),
                shell.err());
        assertEquals("esp8266\ntrue\n", shell.out());
        assertEquals("", screen.toString(StandardCharsets.UTF_8));
        assertTrue(audit.isEmpty(), "nothing to audit: " + audit);
    }
}
