package dev.sesh.shell.command.atca;

import dev.sesh.atca.config.ConfigCodec;
import dev.sesh.atca.config.ConfigField;
import dev.sesh.atca.config.ConfigFields;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "show", description = "Print the config zone the chip holds now",
        footer = {"", "table (default): every field by name; yaml, json, hex: what mos atca-get-config prints.",
                "--json prints mos's JSON (one JSON value).",
                "", "Examples:", "  atca config show", "  atca config show --format yaml", "  atca config show --json | jq .SlotInfo"})
final class AtcaConfigShow implements Callable<Integer> {
    private final Session session;
    @Option(names = "--format", paramLabel = "table|yaml|json|hex", description = "output format (default table)") String format = "table";
    @Option(names = "--json", description = "same as --format json") boolean json;

    AtcaConfigShow(Session session) { this.session = session; }

    @Override public Integer call() {
        boolean asJson = AtcaCli.json(session, json);
        if (!asJson && !format.equals("table")) ConfigCodec.forFormat(format);      // bad format: exit 2 before reading
        ConfigZone z = AtcaCli.atca(session).config();
        String text;
        if (asJson) text = ConfigCodec.JSON.encode(z);
        else if (format.equals("table")) text = table(z);
        else text = ConfigCodec.forFormat(format).encode(z);
        session.out().print(text);
        session.out().flush();
        return 0;
    }

    static String table(ConfigZone z) {
        Table t = Table.of("where", "field", "value");
        for (ConfigField f : ConfigFields.of(z.variant(), z)) t.row(f.where(), f.name(), f.value(z));
        return t.render();
    }

}
