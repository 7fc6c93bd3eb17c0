package dev.sesh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script cannot put a secret's bytes on the screen by asking for them (issue 16, design.md 5.11). */
class SecretBytesStayInsideTest {
    @TempDir Path dir;

    @Test
    void aScriptAskingForAPrivateKeysBytesGetsAnErrorNotTheKey() throws Exception {
        Path home = dir.resolve("home");
        Path key = dir.resolve("k.pem");
        assertEquals(0, SeshRuns.run(home, "x509", "keygen", key.toString()).code());
        Path wk = Files.writeString(dir.resolve("w.key"), "a5".repeat(32) + "\n");
        for (String line : new String[] {"x509.readKey('" + key + "').scalar.bytes()", "x509.readKey('" + key + "').scalar.bytes",
                "x509.readSecret('" + wk + "').bytes().hex()"}) {
            SeshRuns.Run r = SeshRuns.run(home, "-c", line);
            assertEquals(2, r.code(), line + ": " + r.out() + r.err());
            assertTrue(r.errorLine().contains("stay inside sesh"), r.err());
            assertFalse((r.out() + r.err()).contains("a5a5a5a5"), r.out() + r.err());
            assertFalse((r.out() + r.err()).contains("0000  "), "a hex dump of the key: " + r.out());
        }
        SeshRuns.Run shown = SeshRuns.run(home, "-c", "x509.readKey('" + key + "').scalar");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("k.pem, 32 bytes]"), shown.out());
    }
}
