package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "write", description = "Write data into a slot in the clear (32-byte blocks; the last may be 4 bytes)",
        footer = {"", "Shows a plan first. Refused, with nothing sent, where the slot's config asks for",
                "encrypted writes (use atca key set SLOT FILE --write-key WKFILE there) and for",
                "private-key slots.",
                "", "Examples:", "  atca write 10 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"})
final class AtcaWrite implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "SLOT", description = "slot 0-15", completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DATA", description = "hex bytes") List<String> data;

    AtcaWrite(Session session) { this.session = session; }

    @Override public Integer call() {
        int n = slot.number();
        var bytes = AtcaCli.hexBytes(data, "DATA");
        AtcaCli.result(session, AtcaCli.atca(session).write(n, bytes));
        return 0;
    }
}
