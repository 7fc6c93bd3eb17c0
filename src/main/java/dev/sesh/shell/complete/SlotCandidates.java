package dev.sesh.shell.complete;

import dev.sesh.atca.Atecc;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.KeyConfig;
import dev.sesh.atca.config.SlotConfig;
import dev.sesh.shell.Session;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Completion candidates for slot numbers 0-15, each described from the chip's config zone as last
 * read (key type, private/secret, lock state), e.g. {@code 0  P256 private, secret, open}. When no
 * zone has been read yet, Tab starts one read in the background and offers the bare numbers.
 */
public final class SlotCandidates implements Iterable<String>, CommandCompleter.Described {
    /** The zone changes only through sesh's own writes, which refresh the atca object's copy. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** The atca object lives as long as the board connection (the cache is dropped with the board). */
    private static final Duration FOREVER = Duration.ofDays(365);

    private final Session session;
    /** The zone as of the last {@link #iterator()}: one Tab describes every slot from the same read. */
    private volatile Optional<ConfigZone> snapshot = Optional.empty();

    public SlotCandidates(Session session) { this.session = session; }

    @Override public Iterator<String> iterator() {
        snapshot = zone();
        return IntStream.range(0, 16).mapToObj(Integer::toString).iterator();
    }

    @Override public String describe(String value) {
        return snapshot.map(z -> describe(z, Integer.parseInt(value))).orElse("slot " + value);
    }

    /**
     * The atca object's last read, else a background read started by this Tab, waited for only the
     * first time (briefly). Even making the atca object may ask the board (its address), so that
     * happens in the background too.
     */
    private Optional<ConfigZone> zone() {
        if (session == null || session.currentBoard().isEmpty()) return Optional.empty();
        Optional<Atecc> made = session.currentAtca();
        Optional<Atecc> chip = made.isPresent() ? made
                : session.completionCache("atca", b -> Optional.of(session.atca()), Optional.<Atecc>empty(), FOREVER).getWaitingFirst(CandidateCache.FIRST_FILL);
        if (chip.isEmpty()) return Optional.empty();
        Optional<ConfigZone> cached = chip.get().cachedConfig();
        if (cached.isPresent()) return cached;
        return session.completionCache("atca.config", b -> Optional.of(chip.get().config()), Optional.<ConfigZone>empty(), MAX_AGE).getWaitingFirst(CandidateCache.FIRST_FILL);
    }

    /** {@code P256 private, secret, locked}: what the slot holds and whether it can still change. */
    static String describe(ConfigZone z, int slot) {
        KeyConfig k = z.keyConfig(slot);
        SlotConfig s = z.slotConfig(slot);
        StringBuilder sb = new StringBuilder(k.keyType().words());
        if (k.isPrivate()) sb.append(" private");
        if (s.isSecret()) sb.append(", secret");
        boolean slotLocked = (z.slotLocked() & (1 << slot)) == 0;  // SlotLocked: a cleared bit means locked
        boolean dataLocked = z.lockState().dataLocked();
        sb.append(", ").append(slotLocked && dataLocked ? "locked" : dataLocked ? "data zone locked" : "open");
        return sb.toString();
    }
}
