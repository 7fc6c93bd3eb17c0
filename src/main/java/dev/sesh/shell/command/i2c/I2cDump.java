package dev.sesh.shell.command.i2c;

import dev.sesh.device.I2cAddress;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.HexDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "dump", description = "Hex dump of registers 0x00-0xff, one I2C.ReadRegB per register",
        footer = {"", "Each register is its own register write, repeated START and 1-byte read",
                "(256 round trips), so every register reads right, also on devices whose",
                "register pointer does not auto-increment.",
                "", "Examples:", "  i2c dump 0x50", "  i2c dump 0x48 --json"})
final class I2cDump implements Callable<Integer> {
    static final String METHOD = "I2C.ReadRegB";
    private final Session session;
    @Parameters(index = "0", paramLabel = "ADDR", description = "7-bit address, 0x08-0x77",
            completionCandidates = I2cAddressCandidates.class, converter = I2cAddressConverter.class) I2cAddress address;
    @Option(names = "--json", description = "print {\"addr\", \"method\", \"data_hex\"}") boolean json;

    I2cDump(Session session) { this.session = session; }

    @Override public Integer call() {
        int addr = I2cCli.address(session, address);
        Bytes regs = I2cCli.bus(session).dump(addr);
        if (I2cCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("addr", addr);
            m.put("method", METHOD);
            m.put("data_hex", regs);
            I2cCli.printJson(session, m);
            return 0;
        }
        I2cCli.note(session, "registers 0x00-0xff of " + I2cCli.hex(addr) + ", one " + METHOD + " each (register write, repeated START, 1-byte read)");
        session.out().print(HexDump.of(regs, session.errors().style()));
        session.out().flush();
        return 0;
    }
}
