package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.atca.ChipOp;
import dev.sesh.atca.ChipStatusException;
import dev.sesh.atca.driver.AtcaException;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.testing.Link;
import dev.sesh.testing.ScriptedBoard;
import dev.sesh.testing.SimI2cBoard;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24 item 7: messages after odd answers. */
class LostChangeReplyTest {
    private final VirtualClock clock = new VirtualClock();

    private Board board(ScriptedBoard[] peer) throws Exception {
        Link.Ends ends = Link.IN_PROCESS.open();
        peer[0] = new ScriptedBoard(ends.device(), clock);
        RpcClient rpc = new RpcClient(ends.host(), RpcOptions.defaults().withClock(clock));
        return new Board(rpc, "sim:", "sim", new SimI2cBoard.RecordingGate(), clock);
    }

    @Test void aLostReplyToARawChangeSaysItMayHaveTakenEffect() throws Exception {
        ScriptedBoard[] peer = new ScriptedBoard[1];
        try (Board b = board(peer)) {
            peer[0].expect("FS.Put").noReply(Duration.ofSeconds(30));
            SeshException e = assertThrows(SeshException.class, () -> b.call("FS.Put", "{\"filename\":\"x\",\"data\":\"QUJD\"}"));
            assertTrue(e.getMessage().contains("the reply to FS.Put was lost") && e.getMessage().endsWith("the change may have taken effect"), e.getMessage());
            assertFalse(e.hint().startsWith("check the port"), e.hint());
        }
    }

    @Test void aLostReplyToAnI2cWriteSaysItMayHaveTakenEffect() throws Exception {
        ScriptedBoard[] peer = new ScriptedBoard[1];
        try (Board b = board(peer)) {
            peer[0].expect("I2C.Write").noReply(Duration.ofSeconds(30));
            SeshException e = assertThrows(SeshException.class, () -> b.i2c().write(0x50, "0001"));
            assertTrue(e.getMessage().endsWith("the change may have taken effect"), e.getMessage());
        }
    }

    @Test void theWakeStatusAnsweredToACommandMeansItWasNotExecuted() {
        AtcaException driver = AtcaException.chip("Read", StatusCode.AFTER_WAKE);
        assertTrue(driver.getMessage().startsWith("the chip did not execute Read"), driver.getMessage());
        assertTrue(driver.hint().contains("wiring") && driver.hint().contains("address"), driver.hint());
        ChipStatusException refused = new ChipStatusException(ChipOp.values()[0], -1, StatusCode.AFTER_WAKE, driver.hint());
        assertTrue(refused.getMessage().startsWith("the chip did not execute"), refused.getMessage());
        assertFalse(refused.hint().contains("zone locks"), refused.hint());
    }
}
