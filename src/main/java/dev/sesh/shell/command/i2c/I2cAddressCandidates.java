package dev.sesh.shell.command.i2c;

import dev.sesh.shell.Session;
import dev.sesh.shell.complete.CommandCompleter;
import dev.sesh.shell.format.I2cGrid;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for I2C addresses: those the last {@code i2c scan} found on the connected
 * board, as {@code 0x60}, described with what usually sits there. Never talks to the board. Empty without a session (completion scripts).
 */
public final class I2cAddressCandidates implements Iterable<String>, CommandCompleter.Described {
    private final Session session;

    public I2cAddressCandidates(Session session) { this.session = session; }

    @Override public Iterator<String> iterator() {
        if (session == null) return List.<String>of().iterator();
        return session.currentBoard()
                .map(b -> b.i2c().lastScan().stream().map(I2cCli::hex).toList())
                .orElse(List.of())
                .iterator();
    }

    /** "found by the last scan", with what usually sits there (Tab shows it beside the address). */
    @Override public String describe(String value) {
        String guess = I2cGrid.guess(Integer.decode(value));
        return "found by the last scan" + (guess.isEmpty() ? "" : "; " + guess);
    }
}
