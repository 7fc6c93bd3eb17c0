package dev.sesh.shell.command.i2c;

import dev.sesh.bytes.Bytes;
import dev.sesh.device.I2cBus;
import dev.sesh.device.I2cNackException;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "wake", description = "Wake the ATECC (empty write to 0x00) and read its 4-byte answer",
        footer = {"", "At 100 kHz the empty write holds SDA low long enough to wake the chip",
                "(nothing ACKs it, by design). A freshly woken chip answers 04 11 33 43;",
                "it falls asleep again after about 1.3 s without a command. Changes nothing.",
                "", "Examples:", "  i2c wake", "  i2c wake --json"})
final class I2cWake implements Callable<Integer> {
    static final Bytes WAKE_ANSWER = Bytes.ofInts(0x04, 0x11, 0x33, 0x43);
    private final Session session;
    @Option(names = "--json", description = "print {\"addr\", \"answer_hex\"}") boolean json;

    I2cWake(Session session) { this.session = session; }

    @Override public Integer call() {
        I2cBus bus = I2cCli.bus(session);
        Optional<Bytes> answer = bus.wakeChip();
        if (answer.isEmpty()) {
            throw new I2cNackException(bus.chipAddress(), "I2C.Read after the wake pulse",
                    "no chip there, or the bus runs above 100 kHz (i2c.freq) so the pulse is too short");
        }
        if (I2cCli.json(session, json)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("addr", bus.chipAddress());
            m.put("answer_hex", answer.get());
            I2cCli.printJson(session, m);
            return 0;
        }
        Bytes a = answer.get();
        String meaning = a.equals(WAKE_ANSWER) ? "awake (the wake answer)" : "awake; it was already up, this is an earlier answer";
        session.out().println(I2cCli.hex(bus.chipAddress()) + " answered " + spaced(a) + ": " + meaning);
        session.out().flush();
        return 0;
    }

    private static String spaced(Bytes b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length(); i++) s.append(i == 0 ? "" : " ").append(String.format("%02x", b.get(i)));
        return s.toString();
    }
}
