package dev.sesh.shell.command;

import dev.sesh.device.Board;
import dev.sesh.shell.Session;

import java.util.Iterator;
import java.util.List;

/** Completion candidates for method names: the connected board's RPC.List, cached by the board. */
public final class RpcMethodCandidates implements Iterable<String> {
    private final Session session;

    public RpcMethodCandidates(Session session) { this.session = session; }

    @Override public Iterator<String> iterator() {
        List<String> names = session.currentBoard().map(Board::cachedMethods).orElse(List.of());
        return names.iterator();
    }
}
