package dev.sesh.shell.command;

import dev.sesh.device.Board;
import dev.sesh.shell.Session;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for method names: the connected board's RPC.List as last fetched (by
 * {@code rpc list} or any earlier call), loaded in the background the first time Tab asks, so a
 * slow board never holds up typing.
 */
public final class RpcMethodCandidates implements Iterable<String> {
    /** The method list changes only with new firmware; a reconnect starts a new cache anyway. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final Session session;

    public RpcMethodCandidates(Session session) { this.session = session; }

    @Override public Iterator<String> iterator() {
        List<String> known = session.currentBoard().map(Board::cachedMethods).orElse(List.of());
        if (!known.isEmpty()) return known.iterator();
        return session.completionCache("rpc.methods", b -> b.methods().stream().sorted().toList(), List.<String>of(), MAX_AGE)
                .getWaitingFirst(dev.sesh.shell.complete.CandidateCache.FIRST_FILL).iterator();
    }
}
