package dev.sesh.rpc;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-call settings. {@code timeout} overrides the {@link Timeouts} table for one call (per attempt);
 * {@code idempotent} marks a call safe to resend although its method is not idempotent by name
 * (FS.Put with an explicit offset, for example).
 */
public record CallOptions(Optional<Duration> timeout, boolean idempotent) {
    public static final CallOptions DEFAULT = new CallOptions(Optional.empty(), false);

    public CallOptions {
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) throw new IllegalArgumentException("timeout must be positive: " + t);
        });
    }

    public CallOptions withTimeout(Duration t) { return new CallOptions(Optional.of(t), idempotent); }

    public CallOptions asIdempotent() { return new CallOptions(timeout, true); }
}
