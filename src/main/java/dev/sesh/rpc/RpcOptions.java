package dev.sesh.rpc;

import dev.sesh.bytes.Clock;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What an {@link RpcClient} puts on the wire and how it keeps time (design.md 5.6, 5.7).
 * Defaults: {@code src} "sesh", ids increasing from a random 13-digit start, the wire profile of
 * the transport's kind, the {@link Timeouts#DEFAULTS} table, the system clock. Tests inject
 * src "mos" and fixed ids to reproduce mos's bytes. {@link #lean()} is what the shell sends
 * (docs/decisions.md D-host-1): no {@code src} (so no {@code dst} comes back), 3-digit ids, and on
 * serial links newline frames with CRC after a newline handshake ({@link WireProfile#leanForKind}).
 * An empty {@code src} is left out of the envelope.
 */
public record RpcOptions(String src, LongSupplier ids, Optional<WireProfile> profile, Timeouts timeouts, Clock clock, boolean leanFraming) {
    public RpcOptions {
        Objects.requireNonNull(src);
        Objects.requireNonNull(ids);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(timeouts);
        Objects.requireNonNull(clock);
    }

    public static RpcOptions defaults() {
        return new RpcOptions("sesh", increasingFrom(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41)),
                Optional.empty(), Timeouts.DEFAULTS, Clock.system(), false);
    }

    /**
     * The fewest bytes per request the firmware accepts: no {@code src}, ids increasing from a
     * random start in [100, 1000) (a late reply of an earlier run is still told apart by its id
     * within the run), lean framing on serial links. Issue 26: ~60 bytes less per round trip.
     */
    public static RpcOptions lean() {
        return new RpcOptions("", increasingFrom(ThreadLocalRandom.current().nextLong(100, 1000)),
                Optional.empty(), Timeouts.DEFAULTS, Clock.system(), true);
    }

    /** Ids {@code first}, {@code first + 1}, ...; mos's ids lie in [2^40, 2^41), 13 digits. */
    public static LongSupplier increasingFrom(long first) {
        AtomicLong next = new AtomicLong(first);
        return next::getAndIncrement;
    }

    public RpcOptions withSrc(String s) { return new RpcOptions(s, ids, profile, timeouts, clock, leanFraming); }

    public RpcOptions withIds(LongSupplier i) { return new RpcOptions(src, i, profile, timeouts, clock, leanFraming); }

    public RpcOptions withProfile(WireProfile p) { return new RpcOptions(src, ids, Optional.of(p), timeouts, clock, leanFraming); }

    public RpcOptions withTimeouts(Timeouts t) { return new RpcOptions(src, ids, profile, t, clock, leanFraming); }

    public RpcOptions withClock(Clock c) { return new RpcOptions(src, ids, profile, timeouts, c, leanFraming); }
}
