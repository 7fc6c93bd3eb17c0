package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.HexDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "read", description = "Read a data slot in the clear (host driver; data zone locked, slot not secret)",
        footer = {"", "Examples:", "  atca read 10", "  atca read 10 --json"})
final class AtcaRead implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "slot 0-15", completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Option(names = "--json", description = "print {\"slot\", \"data\": HEX}") boolean json;

    AtcaRead(Session session) { this.session = session; }

    @Override public Integer call() {
        int n = slot.number();
        Bytes data = AtcaCli.atca(session).read(n);
        if (AtcaCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", n);
            m.put("data", data.hex());
            AtcaCli.printJson(session, m);
        } else {
            session.out().print(HexDump.of(data, session.errors().style()));
            session.out().flush();
        }
        return 0;
    }
}
