package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.testing.ScriptedBoard;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ESP8266's first-boot reply to a save-and-reboot (mos-rpc.md 4.3), which the simulated board does not model. */
class DeviceConfigFirstBootTest {
    @Test
    void firstBootAfterFlashingSaysToPressReset() throws Exception {
        try (ScriptedBoard.Rig rig = ScriptedBoard.Rig.open()) {
            ScriptedBoard peer = rig.peer();
            Board board = rig.board();
            peer.expect("Config.Get").reply("{\"http\":{\"listen_addr\":\"80\"}}");
            peer.expect("Config.Set").replyError(418, "configuration has been saved but manual device reset is required. For details, see https://goo.gl/Ja5gUv");
            SeshException e = assertThrows(SeshException.class, () -> board.config().set(Map.of("http.listen_addr", ":443"), true));
            assertEquals(1, e.exitCode());
            assertTrue(e.getMessage().contains("manual reset"), e.getMessage());
            assertTrue(e.hint().contains("RESET"), e.hint());
            peer.verify();
        }
    }
}
