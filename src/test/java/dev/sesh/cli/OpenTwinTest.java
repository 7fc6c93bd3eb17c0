package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.bytes.Clock;
import dev.sesh.plan.AuditLog;
import dev.sesh.plan.ChangeGate;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.shell.confirm.PlanRenderer;
import dev.sesh.shell.format.Style;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rehearsal's own gate reaches only a twin (issue 23): {@code openTwin} opens nothing but a
 * {@code sim:PATH} folder, so no gate but the session's ever guards a link to a real board. The
 * ports are refused before anything is opened.
 */
class OpenTwinTest {
    @Test
    void openTwinRefusesEveryPortButASimFolder() {
        AuditLog none = entry -> { };
        ChangeGate gate = NonInteractiveGate.withoutTerminal(NonInteractiveGate.AutoApprove.NONE,
                new PrintStream(new ByteArrayOutputStream()), new PlanRenderer(Style.plain()), none, java.time.Clock.systemUTC());
        CliBoardConnector connector = new CliBoardConnector(new SimPorts(Clock.system()).transportFactory(), List::of,
                RpcOptions.defaults(), gate, Clock.system(), 115200, null);
        for (String port : List.of("/dev/ttyUSB0", "tcp://127.0.0.1:1", "ws://127.0.0.1:1/rpc", "sim:")) {
            SeshException e = assertThrows(SeshException.class, () -> connector.openTwin(port, gate), port);
            assertTrue(e.getMessage().contains("is not a twin's folder"), port + ": " + e.getMessage());
            assertEquals(SeshException.USAGE, e.exitCode(), port);
        }
    }
}
