package dev.sesh.shell.command.atca;

import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "random", description = "32 random bytes from the chip's RNG (host driver)",
        footer = {"", "Until the config zone is locked the chip answers the fixed pattern ffff0000 x8.",
                "", "Examples:", "  atca random", "  atca random --json"})
final class AtcaRandom implements Callable<Integer> {
    private final Session session;
    @Option(names = "--json", description = "print {\"random\": HEX}") boolean json;

    AtcaRandom(Session session) { this.session = session; }

    @Override public Integer call() {
        Bytes r = AtcaCli.atca(session).random();
        if (AtcaCli.json(session, json)) AtcaCli.printJson(session, Map.of("random", r.hex()));
        else AtcaCli.result(session, r.hex());
        if (r.equals(Bytes.ofHex("ffff0000".repeat(8)))) AtcaCli.note(session, "note: the fixed pattern: the chip gives random bytes only after the config lock");
        return 0;
    }
}
