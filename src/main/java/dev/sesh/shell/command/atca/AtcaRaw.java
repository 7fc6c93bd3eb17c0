package dev.sesh.shell.command.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.RawResult;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "raw", description = "Send one chip command packet and show the decoded answer (host driver)",
        footer = {"", "OPCODE, P1 and P2 are decimal or 0x-hex; DATA is hex bytes. A command that may",
                "change the chip shows a plan first (Lock asks for the typed phrase).",
                "", "Examples:", "  atca raw 0x30 0 0            Info: revision",
                "  atca raw 0x02 0x00 0x15       Read config word 0x15 (lock bytes)",
                "  atca raw 0x1b 0 0 --json      Random"})
final class AtcaRaw implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "OPCODE") String opcode;
    @Parameters(index = "1", paramLabel = "P1") String p1;
    @Parameters(index = "2", paramLabel = "P2") String p2;
    @Parameters(index = "3..*", arity = "0..*", paramLabel = "DATA", description = "hex bytes") List<String> data;
    @Option(names = "--json", description = "print {\"sent\", \"answer\", \"status\", \"meaning\"}") boolean json;

    AtcaRaw(Session session) { this.session = session; }

    @Override public Integer call() {
        int op = byteArg(opcode, "OPCODE", 0xff);
        int param1 = byteArg(p1, "P1", 0xff);
        int param2 = byteArg(p2, "P2", 0xffff);
        Bytes d = data == null ? Bytes.EMPTY : AtcaCli.hexBytes(data, "DATA");
        RawResult r = AtcaCli.atca(session).raw(op, param1, param2, d);
        if (AtcaCli.json(session, json)) {
            AtcaCli.printJson(session, r);
        } else {
            AtcaCli.result(session, "sent   " + r.sent());
            AtcaCli.result(session, "answer " + r.answer() + (r.status() >= 0 ? String.format("  status 0x%02X: %s", r.status(), r.meaning()) : "  (" + r.meaning() + ")"));
        }
        return r.ok() ? 0 : SeshException.FAILED;
    }

    private static int byteArg(String text, String what, int max) {
        int v = AtcaCli.number(text, what);
        if (v < 0 || v > max) throw SeshException.badArg(what + " " + text + " is out of range", String.format("%s is 0-0x%X", what, max));
        return v;
    }
}
