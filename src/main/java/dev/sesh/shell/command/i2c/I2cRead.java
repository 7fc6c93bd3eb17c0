package dev.sesh.shell.command.i2c;

import dev.sesh.device.I2cAddress;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.I2cArgs;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.HexDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "read", description = "Read bytes (I2C.Read: START, address+R, LEN bytes, STOP)",
        footer = {"", "No register number is written first: the device answers from where its",
                "pointer is. Use i2c get for a register read (repeated START).",
                "", "Examples:", "  i2c read 0x50 16", "  i2c read 0x60 4 --json"})
final class I2cRead implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "ADDR", description = "7-bit address, 0x08-0x77",
            completionCandidates = I2cAddressCandidates.class, converter = I2cAddressConverter.class) I2cAddress address;
    @Parameters(index = "1", paramLabel = "LEN", description = "bytes to read, 1-4096") String length;
    @Option(names = "--json", description = "print {\"addr\", \"len\", \"data_hex\"}") boolean json;

    I2cRead(Session session) { this.session = session; }

    @Override public Integer call() {
        int addr = I2cCli.address(session, address);
        int len = I2cArgs.length(length);
        Bytes data = I2cCli.bus(session).read(addr, len);
        if (I2cCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("addr", addr);
            m.put("len", data.length());
            m.put("data_hex", data);
            I2cCli.printJson(session, m);
            return 0;
        }
        session.out().print(HexDump.of(data, session.errors().style()));
        session.out().flush();
        return 0;
    }
}
