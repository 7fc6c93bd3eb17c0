package dev.sesh.shell;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.script.Bindings;
import dev.sesh.script.GroovyFacade;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeshCompleterTest {
    final Completer commands = (reader, line, out) -> out.add(new Candidate("info"));
    final GroovyFacade engine = GroovyFacade.startOnFirstUse(
            Bindings.builder(new PrintWriter(new StringWriter()), new VirtualClock()).bind("probe", () -> "a string").build());
    final SeshCompleter completer = new SeshCompleter(commands, engine);

    List<Candidate> complete(String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, SeshParser.GroovyLine.of(line, line.length()), out);
        return out;
    }

    @Test
    void firstWordOffersCommandsAndGroovyNamesWithoutStartingGroovy() {
        List<String> values = complete("pr").stream().map(Candidate::value).toList();
        assertTrue(values.contains("info") && values.contains("probe") && values.contains("println("), values.toString());
        assertTrue(!engine.isReady(), "completion uses reflection only");
    }

    @Test
    void afterADotOnlyMembersWithSignatures() {
        List<Candidate> c = complete("x = probe.toUpp");
        assertEquals(List.of("toUpperCase()", "toUpperCase("), c.stream().map(Candidate::value).toList());
        assertEquals("toUpperCase() -> String", c.get(0).descr());
        assertEquals("toUpperCase(Locale) -> String", c.get(1).descr());
        assertTrue(c.get(0).complete() && !c.get(1).complete(), "a call with arguments leaves the cursor inside");
    }
}
