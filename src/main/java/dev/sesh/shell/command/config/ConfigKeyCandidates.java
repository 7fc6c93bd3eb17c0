package dev.sesh.shell.command.config;

import dev.sesh.device.Board;
import dev.sesh.shell.Session;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Completion candidates for config keys: every group as {@code name.} (so Tab completes one level,
 * {@code wi} -> {@code wifi.}) and every dotted key, from the board's cached key list. Asking starts
 * a refresh in the background; typing never waits for the board.
 */
public final class ConfigKeyCandidates implements Iterable<String>, dev.sesh.shell.complete.CommandCompleter.Levelled {
    private final Session session;

    public ConfigKeyCandidates(Session session) { this.session = session; }

    @Override public Iterator<String> iterator() {
        List<String> keys = session.currentBoard().map(Board::config).map(c -> {
            if (c.cachedKeys().isEmpty()) c.refreshKeysInBackground();
            return c.cachedKeys();
        }).orElse(List.of());
        return withGroups(keys).iterator();
    }

    /** The keys and every group prefix ending in a dot, groups before the keys inside them. */
    static Set<String> withGroups(List<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            for (int i = k.indexOf('.'); i > 0; i = k.indexOf('.', i + 1)) out.add(k.substring(0, i + 1));
            out.add(k);
        }
        return out;
    }
}
