package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.Slot;
import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.LockResult;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "lock", description = "Lock the config zone, the data zone or one slot (irreversible)",
        footer = {"", "Each lock shows its plan and asks you to type a phrase naming the chip,",
                "e.g. 'lock config f378'. Without a terminal it needs --yes-irreversible;",
                "--yes alone does not lock. On the host driver the config lock carries the",
                "CRC of the zone shown in the plan, so the chip refuses if the zone changed;",
                "over ATCA.LockZone (no CRC) sesh reads the zone back and compares it just",
                "before locking. A zone that is already locked is reported as such (exit 0).",
                "Slot locks need --via i2c.",
                "", "Examples:", "  atca lock config", "  atca lock data", "  atca lock slot 4"})
final class AtcaLock implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "config|data|slot", description = "what to lock",
            completionCandidates = dev.sesh.shell.complete.LockTargets.class) String what;
    @Parameters(index = "1", arity = "0..1", paramLabel = "SLOT", description = "slot number for a slot lock", completionCandidates = dev.sesh.shell.complete.SlotCandidates.class, converter = SlotConverter.class) Slot slot;
    @Option(names = "--json", description = "print {\"locked\", \"already_locked\", \"crc\", \"message\"}") boolean json;

    AtcaLock(Session session) { this.session = session; }

    @Override public Integer call() {
        Atecc atca = AtcaCli.atca(session);
        LockResult r;
        switch (what) {
            case "config": noSlot(); r = atca.lockConfig(); break;
            case "data": noSlot(); r = atca.lockData(); break;
            case "slot":
                if (slot == null) throw SeshException.badArg("which slot?", "atca lock slot N, N = 0-15");
                r = atca.lockSlot(slot.number());
                break;
            default: throw SeshException.badArg("cannot lock '" + what + "'", "atca lock config, atca lock data or atca lock slot N");
        }
        if (AtcaCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("locked", r.what());
            m.put("already_locked", r.alreadyLocked());
            m.put("crc", r.crc().isPresent() ? String.format("0x%04X", r.crc().getAsInt()) : null);
            m.put("message", r.message());
            AtcaCli.printJson(session, m);
        } else {
            AtcaCli.result(session, r.message());
        }
        return 0;
    }

    private void noSlot() {
        if (slot != null) throw SeshException.badArg("a zone lock takes no slot", "atca lock slot " + slot.number() + " locks one slot");
    }
}
