package dev.sesh.atca.command;

/**
 * A command group that is malformed regardless of chip state (reference/atecc.md 1.7, status 0x03):
 * bad mode bits, slot out of range, wrong data length, unknown opcode.
 */
public final class CommandParseException extends RuntimeException {
    public CommandParseException(String message) { super(message); }

    static void require(boolean ok, String what) {
        if (!ok) throw new CommandParseException(what);
    }
}
