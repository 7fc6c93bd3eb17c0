package dev.sesh.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config and FS through a whole simulated board: RPC bytes in, RPC bytes out, reboots on the clock. */
class SimBoardConfigFsTest {
    final VirtualClock clock = new VirtualClock();

    SimBoard open(Optional<Path> folder) {
        SimBoard b = SimFirmware.open(new SimOptions(folder, Variant.ATECC508A, 0, FaultSpec.none(), SimOptions.DEFAULT_SEED), clock);
        b.powerOn();
        return b;
    }

    /** Sends one newline-framed request and returns what the board wrote until it went quiet. */
    String call(SimBoard b, String json) {
        b.takeOutput();
        b.receive((json + "\n").getBytes(StandardCharsets.ISO_8859_1));
        while (b.nextEventAt() != Long.MAX_VALUE) {
            long next = b.nextEventAt();
            if (next > clock.nanos()) clock.advance(next - clock.nanos());
            b.poll();
        }
        return new String(b.takeOutput(), StandardCharsets.ISO_8859_1);
    }

    @Test void articleAppBootsWithI2cEnabledByItsCompiledInDefaults() {
        SimBoard b = open(Optional.empty());
        assertTrue(call(b, "{\"id\":1,\"method\":\"Config.Get\",\"params\":{\"key\":\"i2c.enable\"}}").contains("\"result\":true"));
        assertTrue(call(b, "{\"id\":2,\"method\":\"Config.Get\",\"params\":{\"key\":\"sys.atca.enable\"}}").contains("\"result\":false"));
    }

    @Test void configSetWithSaveAndRebootShowsTheNewValueAfterTheReboot() {
        SimBoard b = open(Optional.empty());
        String out = call(b, "{\"id\":1,\"method\":\"Config.Set\",\"params\":{\"config\":{\"device\":{\"sn\":\"SN-9\"}},"
                + "\"save\":true,\"reboot\":true}}");
        assertTrue(out.contains("Saved to conf9.json\n"), out);
        assertTrue(out.contains("\"result\":{\"saved\": true}"), out);
        assertTrue(out.contains("Restarting"), out);
        assertEquals(2, b.boots());
        assertTrue(call(b, "{\"id\":2,\"method\":\"Config.Get\",\"params\":{\"key\":\"device.sn\"}}").contains("\"result\":\"SN-9\""));
    }

    @Test void simPathBoardKeepsItsFilesAndConfigAcrossARestart(@TempDir Path dir) {
        SimBoard one = open(Optional.of(dir));
        String id = call(one, "{\"id\":1,\"method\":\"Config.Get\",\"params\":{\"key\":\"device.id\"}}");
        call(one, "{\"id\":2,\"method\":\"FS.Put\",\"params\":{\"filename\":\"ca.pem\",\"data\":\"QUJD\"}}");
        call(one, "{\"id\":3,\"method\":\"Config.Set\",\"params\":{\"config\":{\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true}}");

        SimBoard two = open(Optional.of(dir));
        assertEquals(id, call(two, "{\"id\":1,\"method\":\"Config.Get\",\"params\":{\"key\":\"device.id\"}}"));
        assertTrue(call(two, "{\"id\":4,\"method\":\"FS.List\"}").contains("\"result\":[\"ca.pem\",\"conf0.json\",\"conf9.json\"]"));
        assertTrue(call(two, "{\"id\":5,\"method\":\"Config.Get\",\"params\":{\"key\":\"sys.atca.enable\"}}").contains("\"result\":true"));
    }
}
