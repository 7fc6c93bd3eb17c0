package dev.sesh.shell.command.fs;

import dev.sesh.device.Board;
import dev.sesh.shell.Session;
import dev.sesh.shell.complete.CandidateCache;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for device file names: the names of the last listing, cached by the
 * board's {@code fs}. Asking starts a refresh in the background when that listing is stale, so
 * typing never waits for the board (except briefly on the very first Tab) and a later Tab sees the
 * board's current files.
 */
public final class FsFileCandidates implements Iterable<String> {
    private final Session session;

    public FsFileCandidates(Session session) { this.session = session; }

    @Override public Iterator<String> iterator() {
        return session.currentBoard().map(Board::fs).map(fs -> {
            boolean first = fs.refreshNamesIfStale() && fs.cachedNames().isEmpty();
            // The first Tab waits briefly for the listing it started (a board always holds conf0.json).
            if (first) CandidateCache.awaitFirstFill(() -> !fs.cachedNames().isEmpty(), CandidateCache.FIRST_FILL);
            return fs.cachedNames();
        }).orElse(List.of()).iterator();
    }
}
