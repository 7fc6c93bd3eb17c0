package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.ScriptedBoard;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * The fault sweep's crash points (issue 22): the killed host's Config.Set had scheduled a reboot,
     * and the next run's first requests came inside the board's last 100 ms before it, which answer
     * 418 "shutting down in N ms" without running the request (mos-rpc.md 3). A request that changes
     * nothing waits until the board is back and is sent once more; a change still fails with the 418.
     */
    @Test
    void aReadOnlyRequestDuringTheRebootLockoutIsSentAgainOnceTheBoardIsBack() throws Exception {
        try (ScriptedBoard.Rig rig = ScriptedBoard.Rig.open()) {
            ScriptedBoard peer = rig.peer();
            Board board = rig.board();
            peer.expect("I2C.Scan").replyError(418, "shutting down in 6 ms");
            peer.expect("Sys.GetInfo").replyError(418, "shutting down in 2 ms");
            peer.expect("Sys.GetInfo").noReply(Duration.ofMillis(1000));          // booting
            peer.expect("Sys.GetInfo").reply("{\"id\":\"" + ScriptedBoard.DEVICE_ID + "\"}");
            peer.expect("I2C.Scan").reply("[80,96]");
            assertEquals("[80,96]", board.raw("I2C.Scan", "{}"));
            peer.expect("Sys.Reboot").replyError(418, "shutting down in 40 ms");
            RemoteErrorException e = assertThrows(RemoteErrorException.class, () -> board.raw("Sys.Reboot", "{\"delay_ms\":50}"));
            assertEquals(418, e.code());
            peer.verify();
        }
    }

    @Test
    void aBoardThatIsUpAnswersTheFirstPoll() throws Exception {
        try (SimLink link = new SimLink()) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> link.board().waitUntilBack(Duration.ofSeconds(20)));
        }
    }
    /**
     * The old boot's {@code Init done} reaching the host just before the reply to Sys.Reboot (a board
     * connected right after a reset) is not the new boot: the wait ignores it and, since the board
     * prints nothing after the reply, asks Sys.GetInfo once the delay has passed.
     */
    @Test
    void theOldBootsInitDoneBeforeTheRebootsReplyIsNotTheBoardBack() throws Exception {
        try (ScriptedBoard.Rig rig = ScriptedBoard.Rig.open()) {
            VirtualClock clock = rig.clock();
            ScriptedBoard peer = rig.peer();
            Board board = rig.board();
            peer.expect("Sys.Reboot").logThenReply("mgos_init.c:33           Init done, RAM: 52016 total, 39928 free, 39928 min free", "null");
            peer.expect("Sys.GetInfo").reply("{\"id\":\"" + ScriptedBoard.DEVICE_ID + "\"}");
            // A scripted peer has no timers: time passes here as it would on the board.
            Thread time = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    clock.advanceMillis(10);
                    try { Thread.sleep(2); } catch (InterruptedException e) { return; }
                }
            });
            time.setDaemon(true);
            time.start();
            Duration took;
            try {
                took = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> board.reboot(100, true));
            } finally {
                time.interrupt();
            }
            assertTrue(took.toMillis() >= 100, took.toString());
            peer.verify();
        }
    }
    /**
     * The fault sweep's {@code provision i2c} cells near the last config set (this stop): a reply held
     * back past the reboot reaches the host after the new boot's text, which the wait then ignores as
     * the old boot's; on a virtual clock nothing was left to move time, and the wait never ended. A
     * virtual clock that stands still ends it, and the board is asked whether it is back.
     */
    @Test
    void aVirtualClockThatStandsStillEndsTheWaitAndTheBoardIsAsked() throws Exception {
        try (ScriptedBoard.Rig rig = ScriptedBoard.Rig.open()) {
            rig.peer().expect("Sys.Reboot").logThenReply("mgos_init.c:33           Init done, RAM: 52016 total, 39928 free, 39928 min free", "null");
            rig.peer().expect("Sys.GetInfo").reply("{\"id\":\"" + ScriptedBoard.DEVICE_ID + "\"}");
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> rig.board().reboot(100, true));
            rig.peer().verify();
        }
    }
}
