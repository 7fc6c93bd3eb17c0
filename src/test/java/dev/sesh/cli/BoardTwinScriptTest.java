package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code board.twin(dir)} from Groovy: the same twin as {@code atca.twin(dir)} and the twin command (issue 23). */
class BoardTwinScriptTest {
    @TempDir Path home;
    @TempDir Path work;

    @Test
    void boardTwinWritesASimFolderThatSaysTwin() throws Exception {
        Path board = work.resolve("board");
        Path twin = work.resolve("twin");
        SeshRuns.Run made = SeshRuns.run(home, "--port", "sim:" + board, "-c", "board.twin('" + twin + "')");
        assertEquals(0, made.code(), made.err());
        assertTrue(Files.isRegularFile(twin.resolve("twin.txt")), made.out() + made.err());
        SeshRuns.Run info = SeshRuns.run(home, "--port", "sim:" + twin, "info");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("TWIN"), info.out());

        SeshRuns.Run again = SeshRuns.run(home, "--port", "sim:" + board, "-c", "board.twin('" + twin + "')");
        assertFalse(again.code() == 0, "a folder with content is not replaced from a script: " + again.out());
        assertTrue(again.err().contains("not empty"), again.err());
    }
}
