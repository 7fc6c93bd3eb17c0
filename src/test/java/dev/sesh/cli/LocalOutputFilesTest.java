package dev.sesh.cli;

import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 rows 3 and 4: no command replaces a local file without asking. Without a terminal an
 * existing output file is refused (exit 3) unless {@code --force}; a file holding a private key
 * is never replaced, even with {@code --force}, and the error names it.
 */
class LocalOutputFilesTest {
    @TempDir Path home;
    @TempDir Path board;
    @TempDir Path files;

    @Test void theOnlyCopyOfAKeyIsNeverReplacedBySelfsign() throws IOException {
        Path only = files.resolve("only.pem");
        assertEquals(0, SeshRuns.run(home, "--port", "sim:", "x509", "keygen", only.toString()).code());
        String key = Files.readString(only);
        for (String force : List.of("--yes", "--force")) {
            SeshRuns.Run r = SeshRuns.run(home, "--port", "sim:", force, "x509", "selfsign", only.toString(), only.toString(), "--subject", "CN=x", "--days", "1");
            assertTrue(r.code() != 0, "refused with " + force + ": " + r.err());
            assertTrue(r.err().contains(only + " holds a private key"), r.err());
            assertEquals(key, Files.readString(only));
        }
        SeshRuns.Run script = SeshRuns.run(home, "--port", "sim:", "--force", "-c", "x509.selfsign('" + only + "', '" + only + "', subject: 'CN=x', days: 1)");
        assertTrue(script.err().contains("holds a private key"), script.err());
        assertEquals(key, Files.readString(only));
    }

    @Test void everyOutputAsksBeforeReplacingAFile() throws IOException {
        ok("--yes", "atca", "config", "set", Vectors.referenceDir().resolve("atca-aws-test.yaml").toString());
        ok("--yes-irreversible", "atca", "lock", "config");
        ok("--yes-irreversible", "atca", "lock", "data");
        ok("--yes-irreversible", "atca", "key", "gen", "0");
        ok("--yes", "fs", "put", Files.writeString(files.resolve("notes.txt"), "from the board\n").toString(), "notes.txt");
        List<List<String>> commands = List.of(
                List.of("atca", "key", "pub", "0", "@"),
                List.of("atca", "csr", "0", "@", "--subject", "CN=x"),
                List.of("atca", "cert", "selfsign", "0", "@", "--subject", "CN=x", "--days", "1"),
                List.of("fs", "get", "notes.txt", "@"),
                List.of("atca", "config", "get", "@"),
                List.of("-c", "fs.get('notes.txt', new File('@'))"));
        List<String> unasked = new ArrayList<>();
        for (List<String> c : commands) {
            Path out = files.resolve("out-" + commands.indexOf(c) + ".txt");
            Files.writeString(out, "the user's file\n");
            SeshRuns.Run refused = run(c, out, false);
            if (refused.code() != 3 || !Files.readString(out).equals("the user's file\n")) unasked.add(String.join(" ", c) + ": " + refused.code() + " " + refused.err());
            else assertTrue(refused.err().contains(out + " exists") && refused.err().contains("--force"), refused.err());
            if (c.get(0).equals("-c")) continue;   // scripts say so in the call: fs.get(name, file, true)
            SeshRuns.Run forced = run(c, out, true);
            assertEquals(0, forced.code(), forced.err());
            assertTrue(!Files.readString(out).equals("the user's file\n"), String.join(" ", c) + " --force replaced it");
        }
        assertEquals(List.of(), unasked);
    }

    private SeshRuns.Run run(List<String> command, Path out, boolean force) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + board));
        if (force) all.add("--force");
        for (String w : command) all.add(w.replace("@", out.toString()));
        return SeshRuns.run(home, all.toArray(String[]::new));
    }

    private void ok(String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "sim:" + board));
        all.addAll(List.of(args));
        SeshRuns.Run r = SeshRuns.run(home, all.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
    }
}
