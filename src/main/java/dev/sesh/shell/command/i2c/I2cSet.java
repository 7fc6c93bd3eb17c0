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

@Command(name = "set", description = "Write a register (I2C.WriteRegB/W: one write of REG and the value)",
        footer = {"", "w writes two bytes, the high byte first. The plan is shown first.",
                "", "Examples:", "  i2c set 0x48 1 0x02", "  i2c set 0x48 3 0x5000 w"})
final class I2cSet implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "ADDR", description = "7-bit address, 0x08-0x77",
            completionCandidates = I2cAddressCandidates.class, converter = I2cAddressConverter.class) I2cAddress address;
    @Parameters(index = "1", paramLabel = "REG", description = "register, 0x00-0xff") String register;
    @Parameters(index = "2", paramLabel = "VAL", description = "value: 0-0xff for b, 0-0xffff for w") String value;
    @Parameters(index = "3", arity = "0..1", paramLabel = "b|w", description = "width: b byte (default), w word") String width;
    @Option(names = "--json", description = "print {\"addr\", \"reg\", \"width\", \"value\"}") boolean json;

    I2cSet(Session session) { this.session = session; }

    @Override public Integer call() {
        int addr = I2cCli.address(session, address);
        int reg = I2cArgs.register(register);
        RegWidth w = width == null ? RegWidth.BYTE : RegWidth.parse(width);
        int v = I2cArgs.value(value, w);
        I2cCli.bus(session).writeReg(addr, reg, v, w);
        if (I2cCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("addr", addr);
            m.put("reg", reg);
            m.put("width", w.letter());
            m.put("value", v);
            I2cCli.printJson(session, m);
        } else {
            I2cCli.note(session, String.format("0x%02x register 0x%02x <- %s", addr, reg, w.format(v)));
        }
        return 0;
    }
}
