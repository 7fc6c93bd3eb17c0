package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 16 row 8: $SESH_HOME is made 0700, audit.log and history 0600 (they hold what the user typed and did). */
class SeshHomePermissionsTest {
    @TempDir Path tmp;

    @Test void homeIsOwnerOnlyAndItsFilesAreOwnerReadWrite() throws IOException {
        Path home = tmp.resolve("new-home");
        SeshRuns.Run r = SeshRuns.run(home, "--port", "sim:", "--yes", "config", "set", "wifi.sta.ssid=lab", "--no-reboot");
        assertEquals(0, r.code(), r.err());
        SeshRuns.typed(home, "info\nexit\n", "--port", "sim:");
        assertEquals("rwx------", mode(home));
        assertEquals("rw-------", mode(home.resolve("audit.log")));
        assertEquals("rw-------", mode(home.resolve("history")));
    }

    @Test void anOldWorldReadableHomeIsTightened() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("old-home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("history"), "info\n");
        Files.setPosixFilePermissions(home.resolve("history"), PosixFilePermissions.fromString("rw-r--r--"));
        SeshRuns.typed(home, "info\nexit\n", "--port", "sim:");
        assertEquals("rwx------", mode(home));
        assertEquals("rw-------", mode(home.resolve("history")));
    }

    private static String mode(Path p) throws IOException { return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)); }
}
