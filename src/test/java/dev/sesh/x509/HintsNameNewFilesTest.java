package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16 row 6: a hint that tells the user to write a file names a file that does not exist yet. */
class HintsNameNewFilesTest {
    @TempDir Path dir;

    @Test void aPrivateKeyGivenAsWriteKeyGetsAHintThatDoesNotOverwriteIt() throws Exception {
        Path key = Files.writeString(dir.resolve("ecc.key.pem"), Vectors.at("ecc", "private_key_pem_ec_private_key").asText());
        Files.writeString(dir.resolve("write-key.hex"), "00".repeat(32));   // taken too: the hint must skip it
        String hint = hint(() -> KeyFiles.readSecret32(key, "write key"));
        assertFalse(hint.contains("> " + key), hint);
        assertTrue(hint.contains("> " + dir.resolve("write-key-2.hex")), hint);
        assertTargetsAreNew(hint);
    }

    @Test void everyKeyFileHintWritesOnlyNewFiles() throws Exception {
        List<String> hints = new ArrayList<>();
        Path empty = Files.writeString(dir.resolve("slot4.key"), "");
        hints.add(hint(() -> KeyFiles.readSecret32(empty, "write key")));
        Path shortKey = Files.writeString(dir.resolve("short.key"), "abcd");
        hints.add(hint(() -> KeyFiles.readSecret32(shortKey, "write key")));
        Path text = Files.writeString(dir.resolve("text.key"), "not hex at all, just words");
        hints.add(hint(() -> KeyFiles.readSecret32(text, "write key")));
        Path damaged = Files.writeString(dir.resolve("new-key.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA!!\n-----END EC PRIVATE KEY-----\n");
        hints.add(hint(() -> KeyFiles.readPrivate(damaged)));
        for (String h : hints) assertTargetsAreNew(h);
        assertTrue(hints.get(3).contains("new-key-2.pem"), hints.get(3));
    }

    private static String hint(Runnable r) { return assertThrows(SeshException.class, r::run).hint(); }

    /** Every path after {@code >} or {@code -out} or {@code keygen} in the hint does not exist. */
    private static void assertTargetsAreNew(String hint) {
        Matcher m = Pattern.compile("(?:> |-out |keygen )(\\S+?)[,;]?(?:\\s|$)").matcher(hint);
        int n = 0;
        while (m.find()) {
            n++;
            assertFalse(Files.exists(Path.of(m.group(1))), "the hint writes over an existing file: " + hint);
        }
        assertTrue(n > 0, "the hint names a file to write: " + hint);
        assertEquals(-1, hint.indexOf("OUT"), hint);
    }
}
