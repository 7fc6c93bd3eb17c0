package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.Timeouts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A put hit by a fault of the simulated board (docs/simulator.md "Faults") in the middle of its
 * chunks: the target name never holds a partial file, and running the put again succeeds and
 * leaves no temporary file. Reply frames 1-2 are the put's listing and Sys.GetInfo, 3 its first
 * chunk, so frame 12 falls among the pipelined chunks.
 */
class FsFaultsTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cut@12", "reboot@12", "drop@12", "flip@12", "crc@12", "junk@12", "delay=3000@12", "drop@3", "reboot@3"})
    void interruptedPutLeavesNoPartialTargetAndARerunSucceeds(String fault) throws Exception {
        byte[] data = new byte[65536];
        new Random(fault.hashCode()).nextBytes(data);
        Path local = dir.resolve("big.bin");
        Files.write(local, data);
        RpcOptions quick = RpcOptions.defaults().withTimeouts(Timeouts.overriddenBy(Duration.ofMillis(1000)));
        try (SimLink link = new SimLink("sim:?faults=" + fault + "&seed=5", quick)) {
            boolean failed = false;
            try {
                link.board().fs().put(local, "big.bin", false, TransferProgress.NONE);
            } catch (SeshException e) {
                failed = true;
            }
            if (fault.startsWith("cut")) assertTrue(failed, "a cut link fails the put");
            Board board = failed ? link.reconnect() : link.board();
            if (board.fs().list().contains("big.bin")) assertArrayEquals(data, board.fs().read("big.bin"), "a complete file or none");
            board.fs().put(local, "big.bin", true, TransferProgress.NONE);
            assertArrayEquals(data, board.fs().read("big.bin"));
            assertTrue(board.fs().leftovers().isEmpty(), board.fs().list().toString());
            assertEquals(1, board.fs().list().stream().filter(n -> n.equals("big.bin")).count());
        }
    }
}
