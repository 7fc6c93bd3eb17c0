package dev.sesh.device;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waiting for a board to come back after a reboot over a link that has closed (the fault sweep's
 * {@code provision i2c/cut@4}: the cut lands on the config set's reboot). Before the fix the wait
 * asked again at once on every failure: on the virtual clock time never moved and the run never
 * ended; on the real clock it spun a core for 20 s.
 */
class WaitUntilBackTest {
    @Test
    void aClosedLinkEndsTheWaitAtOnceWithTheLinkError() throws Exception {
        try (SimLink link = new SimLink()) {
            Board board = link.board();
            board.close();
            SeshException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(SeshException.class, () -> board.waitUntilBack(Duration.ofSeconds(20))));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }

    @Test
    void aBoardThatIsUpAnswersTheFirstPoll() throws Exception {
        try (SimLink link = new SimLink()) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> link.board().waitUntilBack(Duration.ofSeconds(20)));
        }
    }
}
