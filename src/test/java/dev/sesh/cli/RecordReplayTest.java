package dev.sesh.cli;

import dev.sesh.bytes.Bytes;
import dev.sesh.testing.BoardSnapshot;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code record FILE} ... {@code record stop} (issue 19): the recording, replayed with {@code sesh run}
 * on a fresh simulated board, leaves that board in the recorded board's state (files, saved config,
 * chip EEPROM), and holds no secret.
 */
class RecordReplayTest {
    static final String WRITE_KEY_HEX = "77ee0c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    @TempDir Path home;
    @TempDir Path work;

    @Test
    void replayingTheRecordingOnAFreshBoardReachesTheSameState() throws Exception {
        Path recorded = work.resolve("recorded"), fresh = work.resolve("fresh");
        Path wk = Files.writeString(work.resolve("slot4.key"), WRITE_KEY_HEX + "\n");
        Path pem = Files.writeString(work.resolve("ecc.key.pem"), Vectors.at("ecc", "private_key_pem_ec_private_key").asText());
        Path hello = Files.writeString(work.resolve("hello.txt"), "hello from the recorded session\n");
        Path script = work.resolve("session.groovy");
        String yaml = Vectors.referenceDir().resolve("atca-aws-test.yaml").toAbsolutePath().toString();
        // Two boards that differ only in being two: the same MAC, so the same chip serial number.
        assertEquals(0, SeshRuns.run(home, "--port", "sim:" + recorded, "info").code());
        Files.createDirectories(fresh);
        Files.copy(recorded.resolve("mac"), fresh.resolve("mac"));

        String transcript = SeshRuns.console(home, String.join("\n",
                "record " + script,
                "config set sys.atca.enable=true",
                "atca config set " + yaml,
                "atca lock config",
                "atca lock data",
                "atca key set 4 " + wk,
                "atca key set 0 " + pem + " --write-key " + wk,
                "fs put " + hello,
                "name = 'greeting.txt'",
                "fs.put(name, 'hi there'.bytes, false)",
                "fs rm no-such-file.txt",
                "atca write 9 " + WRITE_KEY_HEX,
                "config set http.listen_addr=:443 http.ssl_key=ATCA:0 --no-reboot",
                "help",
                "record stop", ""), "--port", "sim:" + recorded, "--yes-irreversible");
        String text = Files.readString(script);
        assertTrue(transcript.contains("recorded 10 lines to " + script), text + "\n----\n" + transcript);
        assertTrue(text.contains("x509.importKey(writekey: '" + wk + "', atca, 0, '" + pem + "')") || text.contains("x509.importKey(writeKey: '" + wk + "', atca, 0, '" + pem + "')"), text);
        assertTrue(text.contains("atca.lockConfig()\natca.lockData()\n"), text);
        assertTrue(text.contains("name = 'greeting.txt'\nfs.put(name, 'hi there'.bytes, false)\n"), "Groovy lines as typed:\n" + text);
        assertTrue(text.contains("// not recorded (exit 2): fs rm no-such-file.txt"), text);
        assertTrue(text.contains("// not recorded (exit 2): (a line holding a secret)"), text);
        assertTrue(text.contains("// console only: help"), text);
        assertFalse(text.contains("apply?") || text.lines().anyMatch(l -> l.equals("y")), "no answer to a question is recorded");
        for (Bytes secret : java.util.List.of(Bytes.ofHex(WRITE_KEY_HEX), Vectors.hex("ecc", "private_key"))) {
            assertFalse(text.toLowerCase().contains(secret.hex()), "hex of a secret in the recording");
            assertFalse(text.contains(Base64.getEncoder().encodeToString(secret.toArray())), "base64 of a secret in the recording");
        }

        SeshRuns.Run replay = SeshRuns.run(home, "--port", "sim:" + fresh, "--yes-irreversible", "run", script.toString());
        assertEquals(0, replay.code(), replay.err());
        BoardSnapshot want = BoardSnapshot.of(recorded), got = BoardSnapshot.of(fresh);
        assertTrue(want.files().containsKey("fs/greeting.txt") && want.files().containsKey("atecc.bin"), want.toString());
        assertEquals(java.util.Set.of(), want.differences(got), "files, saved config and chip EEPROM after the replay");
    }

    @Test
    void anExistingFileIsNotReplacedWithoutAskingAndStopWithoutARecordingIsOneLine() throws Exception {
        Path script = Files.writeString(work.resolve("keep.groovy"), "println 'mine'\n");
        SeshRuns.Run r = SeshRuns.typed(home, "record " + script + "\nrecord stop\nrecord notes.txt\nrecord\n", "--port", "sim:");
        String t = r.out() + r.err();
        assertTrue(t.contains("error: " + script + " exists; sesh does not replace it without asking"), t);
        assertTrue(t.contains("error: no recording to stop"), t);
        assertTrue(t.contains("error: notes.txt does not end in .groovy"), t);
        assertTrue(t.contains("not recording"), t);
        assertEquals("println 'mine'\n", Files.readString(script));
    }
}
