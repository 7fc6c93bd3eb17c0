package dev.sesh.shell;

import dev.sesh.script.Continuation;
import dev.sesh.script.MemberCompletion;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import java.util.List;

/**
 * The console's line parser. Command lines parse as JLine's default does. Groovy lines do not:
 * Enter on an unfinished expression (open bracket, trailing operator) or inside an open
 * {@code groovy} block continues on the next line with a continuation prompt, and for completion
 * the word is the identifier after the last dot ({@code board.in} completes {@code in}).
 */
final class SeshParser extends DefaultParser {
    /** What the continuation prompt shows: {@code groovy> } in a block, {@code ...> } otherwise. */
    static final String SECONDARY_PROMPT = "%M> ";

    private final SeshSystemRegistry registry;

    SeshParser(SeshSystemRegistry registry) { this.registry = registry; }

    @Override public ParsedLine parse(String line, int cursor, ParseContext context) {
        boolean block = GroovyBlock.opens(line);
        boolean command = !block && registry.isCommand(line);
        // JLine asks again with SECONDARY_PROMPT to learn what the continuation prompt should say.
        if (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) {
            if (block && !GroovyBlock.closed(line)) throw new EOFError(-1, -1, "groovy block open until a lone '.'", GroovyBlock.OPEN);
            if (!block && !command && Continuation.incomplete(line)) throw new EOFError(-1, -1, "unfinished Groovy", "...");
        }
        if (command) return super.parse(line, cursor, context);
        return GroovyLine.of(line, Math.min(cursor, line.length()));
    }

    /** A Groovy line as JLine's completion sees it: one word, the identifier left of the cursor. */
    record GroovyLine(String line, int cursor, String word, boolean atStart) implements CompletingParsedLine {
        static GroovyLine of(String line, int cursor) {
            String before = line.substring(0, cursor);
            String word = MemberCompletion.word(before);
            return new GroovyLine(line, cursor, word, before.length() == word.length());
        }

        /** The text left of the cursor, which completion completes. */
        String before() { return line.substring(0, cursor); }

        @Override public int wordCursor() { return word.length(); }

        @Override public int wordIndex() { return atStart ? 0 : 1; }

        @Override public List<String> words() {
            return atStart ? List.of(word) : List.of(line.substring(0, cursor - word.length()), word);
        }

        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }

        @Override public int rawWordCursor() { return word.length(); }

        @Override public int rawWordLength() { return word.length(); }
    }
}
