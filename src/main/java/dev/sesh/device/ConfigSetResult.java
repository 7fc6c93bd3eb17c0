package dev.sesh.device;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code config set} did: the keys it changed (unchanged ones are not sent), whether the board
 * saved them, and, when it rebooted, how long it took from the Config.Set reply until it answered again.
 */
public record ConfigSetResult(List<String> changed, boolean saved, Optional<Duration> backAfter) {
    public ConfigSetResult { changed = List.copyOf(changed); }

    public boolean rebooted() { return backAfter.isPresent(); }
}
