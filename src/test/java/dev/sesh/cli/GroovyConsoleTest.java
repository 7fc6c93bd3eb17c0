package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groovy at the console, typed through a dumb terminal on pipes: the parse rule, variables, multi-line input. */
class GroovyConsoleTest {
    @TempDir Path home;

    String console(String typed) { return SeshRuns.console(home, typed, "--port", "sim:").replace("\r", ""); }

    @Test
    void bareObjectNameIsGroovyAndShowsItsMethods() {
        String t = console("board\nexit\n");
        assertTrue(t.contains("===> Board (methods: "), t);
        assertTrue(t.contains("info"), t);
        assertFalse(t.contains("unknown command"), t);
    }

    @Test
    void assignmentPersistsAndMethodCallReadsIt() {
        String t = console("x = board.info()\nx.arch\nexit\n");
        assertTrue(t.contains("===> esp8266"), t);
        assertTrue(t.contains("arch"), "the BoardInfo assignment prints the info table: " + t);
    }

    @Test
    void functionDefinedAtThePromptIsRemembered() {
        String t = console("def f(n) { n * 2 }\nf(21)\nexit\n");
        assertTrue(t.contains("===> 42"), t);
    }

    @Test
    void commandWithArgumentsStaysACommand() {
        String t = console("rpc list\nexit\n");
        assertTrue(t.contains("Sys.GetInfo"), t);
        assertFalse(t.contains("===>"), t);
    }

    @Test
    void commandGroupAloneIsACommandNotGroovy() {
        String t = console("rpc\nexit\n");
        assertFalse(t.contains("===>"), t);
        assertFalse(t.contains("no variable"), t);
    }

    @Test
    void unknownBareWordKeepsTheDidYouMeanMessage() {
        String t = console("inof\nexit\n");
        assertTrue(t.contains("error: unknown command 'inof'"), t);
        assertTrue(t.contains("did you mean info?"), t);
    }

    @Test
    void varsListsAndResetClears() {
        String t = console("answer = 42\nvars\nreset\nanswer\nexit\n");
        assertTrue(t.lines().anyMatch(l -> l.matches("answer\\s+Integer\\s+42")), t);
        assertTrue(t.contains("cleared 1 variable"), t);
        assertTrue(t.contains("error: unknown command 'answer'"), "after reset the name means nothing: " + t);
    }

    @Test
    void unfinishedExpressionContinuesOnTheNextLine() {
        String t = console("total = [1,\n2,\n3].sum() +\n4\ntotal * 2\nexit\n");
        assertTrue(t.contains("===> 10\n"), "the three lines were one entry: " + t);
        assertTrue(t.contains("===> 20"), t);
        assertFalse(t.contains("error"), t);
    }

    @Test
    void groovyBlockRunsUntilALoneDot() {
        String t = console("groovy\na = 1\nb = 2\na + b\n.\nexit\n");
        assertTrue(t.contains("===> 3"), t);
        assertEquals(1, t.split("===>", -1).length - 1, "one result for the whole block: " + t);
    }

    @Test
    void bytesPrintAsAHexDumpAndNullPrintsNothing() {
        String t = console("bytes('48 69 00')\nnull\nexit\n");
        assertTrue(t.contains("0000  48 69 00"), t);
        assertTrue(t.contains("|Hi.|"), t);
        assertFalse(t.contains("===> null"), t);
    }

    @Test
    void groovyErrorIsOneLineWithoutStack() {
        String t = console("board.reboot(-1, false)\nboard.nothing()\nexit\n");
        assertTrue(t.contains("error: negative reboot delay -1 ms"), t);
        assertTrue(t.contains("error: no method nothing() on Board"), t);
        assertFalse(t.contains("\tat "), t);
    }

    @Test
    void changeFromGroovyWithoutTerminalIsRefusedAndTheConsoleGoesOn() {
        String t = console("board.call('Sys.Reboot', '{\"delay_ms\":0}')\nafter = 1\nafter\nexit\n");
        assertTrue(t.contains("--yes"), t);
        assertTrue(t.contains("===> 1"), t);
    }

    @Test
    void atcaAloneIsTheCommandGroupAndAtcaDotIsGroovy() {
        String t = console("atca\natca.locks().configLocked\nexit\n");
        assertTrue(t.contains("Usage: sesh atca"), t);
        assertTrue(t.contains("===> false"), t);
    }
}
