package dev.sesh.shell.command.i2c;

import dev.sesh.device.I2cAddress;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.I2cArgs;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "write", description = "Write bytes (I2C.Write: START, address+W, bytes, STOP)",
        footer = {"", "Bytes are hex words (de ad be ef) or one hex string (deadbeef), 1-1024",
                "bytes. The plan is shown first. A write to the ATECC's address is decoded",
                "as a chip command: a Lock packet is irreversible and asks for the phrase.",
                "The chip sleeps again ~1.3 s after a wake: --wake wakes it after the",
                "plan is approved, right before the write.",
                "", "Examples:", "  i2c write 0x50 00 de ad be ef", "  i2c write 80 00deadbeef",
                "  i2c write --wake 0x60 03 07 30 00 00 00 03 5d  (Info), then i2c read 0x60 7"})
final class I2cWrite implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "ADDR", description = "7-bit address, 0x08-0x77",
            completionCandidates = I2cAddressCandidates.class, converter = I2cAddressConverter.class) I2cAddress address;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "BYTES", description = "hex bytes") List<String> bytes;
    @Option(names = "--wake", description = "send the ATECC wake pulse (empty write to 0x00) right before the write")
    boolean wake;
    @Option(names = "--json", description = "print {\"addr\", \"written\"}") boolean json;

    I2cWrite(Session session) { this.session = session; }

    @Override public Integer call() {
        int addr = I2cCli.address(session, address);
        Bytes data = I2cArgs.data(bytes);
        I2cCli.bus(session).write(addr, data, wake);
        if (I2cCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("addr", addr);
            m.put("written", data.length());
            I2cCli.printJson(session, m);
        } else {
            I2cCli.note(session, "wrote " + data.length() + (data.length() == 1 ? " byte to " : " bytes to ") + I2cCli.hex(addr));
        }
        return 0;
    }
}
