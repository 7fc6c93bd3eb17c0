package dev.sesh.shell.command.config;

import dev.sesh.device.Board;
import dev.sesh.shell.Session;
import dev.sesh.shell.complete.CommandCompleter;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Completion candidates for config keys, one level at a time: for {@code wi} the group
 * {@code wifi.}, for {@code wifi.} its groups ({@code wifi.ap.}, {@code wifi.sta.}) and keys
 * ({@code wifi.sta_rssi_thr}). Keys come from the board's cached key list; asking starts a refresh
 * in the background when the cache is empty, so typing never waits for the board.
 */
public class ConfigKeyCandidates implements Iterable<String>, CommandCompleter.ForWord {
    private final Session session;

    public ConfigKeyCandidates(Session session) { this.session = session; }

    /** Every key and group (for picocli's own completion script); the console uses {@link #candidates}. */
    @Override public Iterator<String> iterator() {
        Set<String> all = new LinkedHashSet<>();
        for (String k : keys()) {
            for (int i = k.indexOf('.'); i > 0; i = k.indexOf('.', i + 1)) all.add(k.substring(0, i + 1));
            all.add(k);
        }
        return all.iterator();
    }

    @Override public List<String> candidates(String word) { return level(keys(), word, ""); }

    /**
     * The next level below {@code word}'s last dot: groups as {@code prefix.name.}, keys as
     * {@code prefix.name} + {@code keySuffix}; only those that start with {@code word}.
     */
    static List<String> level(List<String> keys, String word, String keySuffix) {
        String prefix = word.substring(0, word.lastIndexOf('.') + 1);
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            if (!k.startsWith(word)) continue;
            int dot = k.indexOf('.', prefix.length());
            out.add(dot < 0 ? k + keySuffix : k.substring(0, dot + 1));
        }
        return List.copyOf(out);
    }

    final List<String> keys() {
        return session.currentBoard().map(Board::config).map(c -> {
            if (c.cachedKeys().isEmpty()) {
                c.refreshKeysInBackground();
                dev.sesh.shell.complete.CandidateCache.awaitFirstFill(() -> !c.cachedKeys().isEmpty(),
                        dev.sesh.shell.complete.CandidateCache.FIRST_FILL);
            }
            return c.cachedKeys();
        }).orElse(List.of());
    }

    /** For {@code config set}: keys end in {@code =} so the value follows without a space. */
    public static final class Assignments extends ConfigKeyCandidates {
        public Assignments(Session session) { super(session); }

        @Override public List<String> candidates(String word) {
            return word.contains("=") ? List.of() : level(keys(), word, "=");
        }
    }
}
