package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 rows 2 and 5: a private key or write key reached from Groovy prints as a name and a
 * length at the prompt, in {@code vars} (table and JSON), with {@code -c}, and in error text and
 * {@code --debug} stack traces of a call with the wrong argument types.
 */
class SecretsNeverPrintTest {
    @TempDir Path home;
    @TempDir Path files;

    @Test void keysReachedFromGroovyShowOnlyANameAndALength() throws IOException {
        Path pem = Files.writeString(files.resolve("ecc.key.pem"), SecretScanTest.sec1Pem(SecretScanTest.PRIVATE));
        Path wk = Files.writeString(files.resolve("wk.hex"), HexFormat.of().formatHex(SecretScanTest.WRITE_KEY) + "\n");
        String console = String.join("\n",
                "s = x509.readKey('" + pem + "').scalar",
                "k = x509.readKey('" + pem + "')",
                "l = [s, s]",
                "vars",
                "vars --json",
                "w = new File('" + wk + "').text.trim(); 'read'",
                "x509.importKey(atca, w)",
                "x509.importKey(atca, 1, w.decodeHex(), 2)",
                "exit") + "\n";
        List<String> outputs = List.of(
                all(SeshRuns.typed(home, console, "--port", "sim:")),
                all(SeshRuns.typed(home, console, "--port", "sim:", "--debug")),
                all(SeshRuns.run(home, "--port", "sim:", "-c", "x509.readKey('" + pem + "').scalar")),
                all(SeshRuns.run(home, "--port", "sim:", "--json", "-c", "x509.readKey('" + pem + "')")),
                all(SeshRuns.run(home, "--port", "sim:", "--debug", "-c", "x509.importKey(atca, new File('" + wk + "').text.trim())")));
        assertTrue(outputs.get(0).contains("SecretBytes[" + pem + ", 32 bytes]"), outputs.get(0));
        assertTrue(outputs.get(1).contains("\tat "), "the --debug run printed a stack trace: " + outputs.get(1));
        Set<String> needles = SecretScanTest.encodings(SecretScanTest.PRIVATE);
        needles.addAll(SecretScanTest.encodings(SecretScanTest.WRITE_KEY));
        // vars cuts values at 60 characters: a shorter window of hex must not show either.
        needles.add(HexFormat.of().formatHex(SecretScanTest.PRIVATE).substring(0, 12));
        for (int i = 0; i < outputs.size(); i++) {
            for (String n : needles) assertTrue(!outputs.get(i).contains(n), "output " + (i + 1) + " shows " + n + ":\n" + outputs.get(i));
        }
        assertEquals(5, outputs.size());
    }

    private static String all(SeshRuns.Run r) { return r.out() + r.err(); }
}
