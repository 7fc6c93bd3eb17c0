package dev.sesh.shell.command.atca;

import dev.sesh.atca.SlotInfo;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "slots", description = "One row per slot: size, key type, private/secret, who may read and write, lock",
        footer = {"", "Read and write rules are those the chip enforces once the data zone is locked.",
                "atca slot N explains one slot in sentences.",
                "", "Examples:", "  atca slots", "  atca slots --json"})
final class AtcaSlots implements Callable<Integer> {
    private final Session session;
    @Option(names = "--json", description = "print the slots as a JSON array") boolean json;

    AtcaSlots(Session session) { this.session = session; }

    @Override public Integer call() {
        List<SlotInfo> slots = AtcaCli.atca(session).slots();
        if (AtcaCli.json(session, json)) {
            AtcaCli.printJson(session, slots);
            return 0;
        }
        session.out().print(table(slots));
        session.out().flush();
        return 0;
    }

    static String table(List<SlotInfo> slots) {
        Table t = Table.of("slot", "size", "key", "private", "secret", "read", "write", "lock").alignRight(0, 1);
        for (SlotInfo s : slots) {
            t.row(s.index(), s.size(), s.kind(), s.isPrivate() ? "yes" : "-", s.secret() ? "yes" : "-", s.read(), s.write(), s.lock());
        }
        return t.render();
    }
}
