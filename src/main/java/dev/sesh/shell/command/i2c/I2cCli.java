package dev.sesh.shell.command.i2c;

import dev.sesh.device.I2cAddress;
import dev.sesh.device.I2cBus;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;

/** What the i2c commands share: the bus of the connected board, the address with its warning line. */
final class I2cCli {
    private I2cCli() {}

    static I2cBus bus(Session session) { return session.board().i2c(); }

    /** The address as a number; the 8-bit-form warning goes to stderr first (design.md 5.1). */
    static int address(Session session, I2cAddress a) {
        a.warning().ifPresent(w -> {
            session.err().println(w);
            session.err().flush();
        });
        return a.value();
    }

    static boolean json(Session session, boolean flag) { return flag || session.jsonByDefault(); }

    static void printJson(Session session, Object value) {
        session.out().print(JsonOut.of(value));
        session.out().flush();
    }

    static void note(Session session, String line) {
        session.err().println(line);
        session.err().flush();
    }

    static String hex(int address) { return String.format("0x%02x", address); }
}
