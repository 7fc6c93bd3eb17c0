package dev.sesh.device;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code status} shows where a simulated board's HTTP port is on this host, read from its boot log. */
class BoardHttpMappingTest {
    @Test void linkStatsNameTheHostPortOfTheBoardsHttpServerAfterABoot() {
        try (SimLink link = new SimLink()) {
            Board b = link.board();
            b.reboot(100, true);
            Map<String, Object> stats = b.linkStats();
            String http = String.valueOf(stats.get("device_http"));
            assertTrue(http.matches("80 -> http://127\\.0\\.0\\.1:\\d+"), stats.toString());
        }
    }

    /**
     * Until its delay has passed a board still answers (only the last 100 ms before a reboot get
     * 418, mos-rpc.md 3), so an answer to Sys.GetInfo right after Sys.Reboot is not the board back:
     * the wait ends on the new boot's {@code Init done}. Before the fix it returned at once, before
     * the reboot, on a delay over 100 ms (and now and then on 100 ms: CI stop 29).
     */
    @Test void aRebootWaitEndsAfterTheRebootNotOnTheAnswerBeforeIt() {
        try (SimLink link = new SimLink()) {
            link.board().info();                 // the first boot is over
            int boots = link.sim.boots();
            Duration took = link.board().reboot(1500, true);
            assertEquals(boots + 1, link.sim.boots());
            assertTrue(took.toMillis() >= 1500, took.toString());
        }
    }
}
