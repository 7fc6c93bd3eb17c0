package dev.sesh.sim;

import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boot-3 I2C captures (mos-captures README 6.6) replayed on the capture rig's I2C hardware with
 * i2c.enable already true, so they run without the Config service that enabled it on the rig.
 * Compares device bytes exactly, like {@link CaptureReplayTest}.
 */
class I2cCaptureReplayTest {
    /** Exchanges at 0x60: they need the ATECC model on the bus. */
    private static final Set<String> CHIP = Set.of("i2c_scan", "atca_read_asleep", "atca_wake_pulse",
            "atca_read_after_wake", "i2c_scan_chip_awake", "atca_sleep_cmd", "atca_read_after_sleep");
    private static final Map<String, Long> GAP_BEFORE = Map.of("atca_read_asleep", 1600L);

    @Test void replaysTheBoot3I2cExchangesByteForByte() throws Exception {
        VirtualClock clock = new VirtualClock();
        SimBoard board = SimBoard.builder(CaptureReplayTest.captureIdentity(), clock)
                .config(new MemoryConfig(Map.of("i2c.enable", true)))
                .services(SimFirmware.coreServices())
                .service(SimFirmware.captureRigI2c(clock))
                .build();
        board.powerOn();
        CaptureReplayTest.settle(board, clock, 300, true);
        List<Captures.Exchange> boot3 = Captures.load().stream()
                .filter(e -> e.boot() == 3 && (e.name().startsWith("i2c_") || e.name().startsWith("atca_"))).toList();
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Captures.Exchange ex : boot3) {
            CaptureReplayTest.settle(board, clock, GAP_BEFORE.getOrDefault(ex.name(), 0L), false);
            board.takeOutput();
            board.receive(ex.host());
            CaptureReplayTest.settle(board, clock, 300, true);
            byte[] got = board.takeOutput();
            if (CHIP.contains(ex.name())) continue;
            compared++;
            String want = CaptureReplayTest.normalise(ex.device()), have = CaptureReplayTest.normalise(got);
            if (!want.equals(have)) failures.add(ex.name() + "\n  want: " + want + "\n  have: " + have);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(boot3.size() - CHIP.size(), compared);
    }
}
