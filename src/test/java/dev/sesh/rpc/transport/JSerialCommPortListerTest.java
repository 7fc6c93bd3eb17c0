package dev.sesh.rpc.transport;

import dev.sesh.testing.PtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JSerialCommPortListerTest {
    @TempDir Path dir;

    @Test void listsOsPortsSortedWithoutPtys() throws Exception {
        try (PtyPair pty = PtyPair.start(dir)) {
            List<SerialPortInfo> ports = new JSerialCommPortLister().list();
            List<String> paths = ports.stream().map(SerialPortInfo::path).toList();
            assertEquals(paths.stream().sorted().toList(), paths);
            // platform-facts.md: jSerialComm does not enumerate ptys, so auto-detect never picks one.
            assertFalse(paths.contains(pty.a.toString()) || paths.contains(pty.a.toRealPath().toString()), paths.toString());
        }
    }
}
