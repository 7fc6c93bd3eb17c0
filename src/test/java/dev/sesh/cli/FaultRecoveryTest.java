package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.bytes.Clock;
import dev.sesh.device.Board;
import dev.sesh.device.BoardInfo;
import dev.sesh.plan.AuditLog;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.Timeouts;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.format.Style;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault kind of the simulated board (docs/simulator.md) hits the second reply frame of a
 * session: that call completes or fails with one clear line, and the next call works (after a
 * reconnect when the fault cut the link).
 */
class FaultRecoveryTest {
    private static final AuditLog NO_AUDIT = entry -> { };

    private static CliBoardConnector connector() {
        NonInteractiveGate gate = NonInteractiveGate.withoutTerminal(NonInteractiveGate.AutoApprove.NONE,
                new PrintStream(new ByteArrayOutputStream()), new PlanRenderer(Style.plain()), NO_AUDIT, java.time.Clock.systemUTC());
        RpcOptions rpc = RpcOptions.defaults().withTimeouts(Timeouts.overriddenBy(Duration.ofMillis(700)));
        return new CliBoardConnector(new SimPorts(Clock.system()).transportFactory(), List::of, rpc, gate, Clock.system(), 115200, null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"junk", "drop", "flip", "crc", "delay=1000", "reboot", "cut", "xoff=1000"})
    void callCompletesOrFailsInOneLineAndTheNextCallWorks(String fault) {
        CliBoardConnector c = connector();
        String port = "sim:?faults=" + fault + "@2&seed=3";
        Board board = c.open(port);                              // reply 1: the connect's Sys.GetInfo
        try {
            BoardInfo info = board.info();                        // reply 2: damaged
            assertTrue(info.id().startsWith("esp8266_"));
        } catch (SeshException e) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertFalse(e.hint().isEmpty(), "a hint for " + fault);
        }
        Board next = board;
        try {
            next.info();
        } catch (SeshException e) {
            assertTrue(fault.equals("cut"), fault + " must not break the next call: " + e.getMessage());
            board.close();
            next = c.open("sim:");                               // the user reconnects after a cut cable
            assertTrue(next.info().id().startsWith("esp8266_"));
        } finally {
            next.close();
        }
    }
}
