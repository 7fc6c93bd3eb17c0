package dev.sesh.shell.command.i2c;

import dev.sesh.shell.Session;
import dev.sesh.shell.format.I2cGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "scan", description = "Find the devices on the bus (I2C.Scan: empty write to each address)",
        footer = {"", "The first probe also wakes a sleeping ATECC, so the chip shows up at 0x60.",
                "", "Examples:", "  i2c scan", "  i2c scan --json"})
final class I2cScan implements Callable<Integer> {
    private final Session session;
    @Option(names = "--json", description = "print {\"bus\": 0, \"found\": [decimal addresses]}") boolean json;

    I2cScan(Session session) { this.session = session; }

    @Override public Integer call() {
        List<Integer> found = I2cCli.bus(session).scan();
        if (I2cCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bus", 0);
            m.put("found", found);
            I2cCli.printJson(session, m);
            return 0;
        }
        session.out().print(I2cGrid.render(found));
        session.out().println(I2cGrid.summary(found));
        session.out().flush();
        return 0;
    }
}
