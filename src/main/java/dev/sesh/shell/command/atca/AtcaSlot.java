package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "slot", description = "Explain every SlotConfig/KeyConfig bit of one slot in sentences",
        footer = {"", "Examples:", "  atca slot 0", "  atca slot 4 --json"})
final class AtcaSlot implements Callable<Integer> {
    private static final int WIDTH = 96;
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "slot 0-15",
            completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Option(names = "--json", description = "print {\"slot\", \"text\"}") boolean json;

    AtcaSlot(Session session) { this.session = session; }

    @Override public Integer call() {
        int n = slot.number();
        String text = AtcaCli.atca(session).describeSlot(n);
        if (AtcaCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", n);
            m.put("text", text);
            AtcaCli.printJson(session, m);
            return 0;
        }
        session.out().print(wrap(text));
        session.out().flush();
        return 0;
    }

    /** Wraps at {@value #WIDTH} columns, continuation lines indented by two spaces. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > WIDTH) {
                out.append("\n  ");
                col = 2;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.append('\n').toString();
    }
}
