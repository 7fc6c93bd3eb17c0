package dev.sesh.shell;

import dev.sesh.SeshException;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SeshParserTest {
    static final BoardConnector NO_BOARDS = new BoardConnector() {
        @Override public Board open(String port) { throw SeshException.unreachable("no board in this test", ""); }

        @Override public List<SerialPortEntry> ports() { return List.of(); }
    };

    final PrintWriter sink = new PrintWriter(new StringWriter());
    final SeshParser parser = new SeshParser(new SeshSystemRegistry(new Session(NO_BOARDS, sink, sink, new ErrorReporter(false), false)));

    @Test
    void unfinishedGroovyAsksForMoreWithTheContinuationPrompt() {
        EOFError e = assertThrows(EOFError.class, () -> parser.parse("x = [1,", 7, ParseContext.ACCEPT_LINE));
        assertEquals("...", e.getMissing());
        EOFError prompt = assertThrows(EOFError.class, () -> parser.parse("x = [1,", 7, ParseContext.SECONDARY_PROMPT));
        assertEquals("...", prompt.getMissing());
    }

    @Test
    void openGroovyBlockAsksForMoreUntilALoneDot() {
        EOFError e = assertThrows(EOFError.class, () -> parser.parse("groovy\na = 1", 12, ParseContext.ACCEPT_LINE));
        assertEquals("groovy", e.getMissing());
        parser.parse("groovy\na = 1\n.", 14, ParseContext.ACCEPT_LINE);
    }

    @Test
    void commandLinesParseAsJLineDoes() {
        ParsedLine p = parser.parse("rpc describe Sys.Get", 20, ParseContext.COMPLETE);
        assertEquals(List.of("rpc", "describe", "Sys.Get"), p.words());
        parser.parse("call Foo.Bar {", 14, ParseContext.ACCEPT_LINE);
    }

    @Test
    void groovyWordIsTheIdentifierAfterTheLastDot() {
        ParsedLine p = parser.parse("x = board.in", 12, ParseContext.COMPLETE);
        SeshParser.GroovyLine g = assertInstanceOf(SeshParser.GroovyLine.class, p);
        assertEquals("in", g.word());
        assertEquals(1, g.wordIndex());
        assertEquals("x = board.in", g.before());
        SeshParser.GroovyLine first = (SeshParser.GroovyLine) parser.parse("boa", 3, ParseContext.COMPLETE);
        assertEquals(0, first.wordIndex());
    }
}
