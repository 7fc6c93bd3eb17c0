package dev.sesh.device;

import org.junit.jupiter.api.Test;

import java.util.Map;

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
}
