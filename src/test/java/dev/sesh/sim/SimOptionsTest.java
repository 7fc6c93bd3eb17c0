package dev.sesh.sim;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.rpc.transport.PortSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimOptionsTest {
    @Test
    void readsEveryOptionFromTheSimUrl() {
        SimOptions o = SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:./lab/b1?chip=608a&baud=115200&faults=crc@2&seed=42", 115200));
        assertEquals(Path.of("./lab/b1"), o.folder().orElseThrow());
        assertEquals(Variant.ATECC608A, o.chip());
        assertEquals(115200, o.baud());
        assertEquals("crc@2", o.faults().toString());
        assertEquals(42, o.seed());
        assertEquals(42, o.faults().seed());
    }

    @Test
    void bareSimIsAFreshUnpacedBoard() {
        SimOptions o = SimOptions.from((PortSpec.Sim) PortSpec.parse("sim:", 115200));
        assertTrue(o.folder().isEmpty());
        assertEquals(Variant.ATECC508A, o.chip());
        assertEquals(0, o.baud());
        assertTrue(o.faults().isEmpty());
    }

    @Test
    void rejectsUnknownOptionsAndValuesAsUsageErrors() {
        for (String url : new String[] {"sim:?colour=red", "sim:?chip=204a", "sim:?baud=fast", "sim:?faults=boom@1", "sim:?baud=-5"}) {
            SeshException e = assertThrows(SeshException.class, () -> SimOptions.from((PortSpec.Sim) PortSpec.parse(url, 115200)), url);
            assertEquals(SeshException.USAGE, e.exitCode(), url);
        }
    }

    @Test
    void inMemoryBoardsGetDistinctMacs() {
        VirtualClock clock = new VirtualClock();
        assertNotEquals(SimFirmware.open(SimOptions.defaults(), clock).identity().mac(),
                SimFirmware.open(SimOptions.defaults(), clock).identity().mac());
    }

    @Test
    void folderBoardKeepsItsIdentity(@TempDir Path dir) {
        VirtualClock clock = new VirtualClock();
        SimOptions o = SimOptions.from(new PortSpec.Sim(dir.resolve("b1").toString(), java.util.Map.of()));
        var first = SimFirmware.open(o, clock).identity();
        assertEquals(first.mac(), SimFirmware.open(o, clock).identity().mac());
        assertTrue(first.macHex().startsWith("5CCF7F"));
    }
}
