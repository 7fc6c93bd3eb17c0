package dev.sesh.shell.command.i2c;

import dev.sesh.shell.Session;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for I2C addresses: those the last {@code i2c scan} found on the connected
 * board, as {@code 0x60}. Never talks to the board. Empty without a session (completion scripts).
 */
public final class I2cAddressCandidates implements Iterable<String> {
    private final Session session;

    public I2cAddressCandidates(Session session) { this.session = session; }

    @Override public Iterator<String> iterator() {
        if (session == null) return List.<String>of().iterator();
        return session.currentBoard()
                .map(b -> b.i2c().lastScan().stream().map(I2cCli::hex).toList())
                .orElse(List.of())
                .iterator();
    }
}
