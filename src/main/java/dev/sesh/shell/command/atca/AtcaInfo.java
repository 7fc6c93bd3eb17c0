package dev.sesh.shell.command.atca;

import dev.sesh.atca.ChipInfo;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "info", description = "Chip type, serial number, zone locks, I2C address, back end in use and why",
        footer = {"", "The chip type comes from the Info command on the host driver and from config",
                "bytes 4-7 over ATCA.* (as mos does); the table says which.",
                "", "Examples:", "  atca info", "  atca info --json"})
final class AtcaInfo implements Callable<Integer> {
    private final Session session;
    @Option(names = "--json", description = "print the fields as one JSON object") boolean json;

    AtcaInfo(Session session) { this.session = session; }

    @Override public Integer call() {
        ChipInfo i = AtcaCli.atca(session).info();
        if (AtcaCli.json(session, json)) {
            AtcaCli.printJson(session, i);
            return 0;
        }
        session.out().print(table(i));
        session.out().flush();
        return 0;
    }

    static String table(ChipInfo i) {
        return Table.of("field", "value")
                .row("chip", i.chip() + " (" + i.chipSource() + ")")
                .row("serial", i.serial())
                .row("config zone", i.configLocked() ? "locked" : "open")
                .row("data zone", i.dataLocked() ? "locked" : "open")
                .row("i2c address", String.format("0x%02x", i.i2cAddress()))
                .row("back end", i.via() + ": " + i.viaReason())
                .render();
    }
}
