package dev.sesh.shell.command.i2c;

import dev.sesh.device.I2cAddress;
import dev.sesh.device.I2cArgs;
import dev.sesh.device.RegWidth;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "get", description = "Read a register (I2C.ReadRegB/W: REG, repeated START, 1 or 2 bytes)",
        footer = {"", "w reads two bytes, the first as the high byte.",
                "", "Examples:", "  i2c get 0x48 1", "  i2c get 0x48 0 w"})
final class I2cGet implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "ADDR", description = "7-bit address, 0x08-0x77",
            completionCandidates = I2cAddressCandidates.class, converter = I2cAddressConverter.class) I2cAddress address;
    @Parameters(index = "1", paramLabel = "REG", description = "register, 0x00-0xff") String register;
    @Parameters(index = "2", arity = "0..1", paramLabel = "b|w", description = "width: b byte (default), w word") String width;
    @Option(names = "--json", description = "print {\"addr\", \"reg\", \"width\", \"value\"}") boolean json;

    I2cGet(Session session) { this.session = session; }

    @Override public Integer call() {
        int addr = I2cCli.address(session, address);
        int reg = I2cArgs.register(register);
        RegWidth w = width == null ? RegWidth.BYTE : RegWidth.parse(width);
        int value = I2cCli.bus(session).readReg(addr, reg, w);
        if (I2cCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("addr", addr);
            m.put("reg", reg);
            m.put("width", w.letter());
            m.put("value", value);
            I2cCli.printJson(session, m);
            return 0;
        }
        session.out().println(w.format(value) + " (" + value + ")");
        session.out().flush();
        return 0;
    }
}
