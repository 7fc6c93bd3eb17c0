package dev.sesh.sim.conf;

/**
 * A config value the firmware's parser refuses. {@link #getMessage()} is the parser's text, e.g.
 * {@code [rpc.max_frame_size] is not a number} (mos-captures README 6.3); the service prefixes it
 * with {@code invalid config value: }.
 */
public final class ConfigError extends Exception {
    public ConfigError(String message) { super(message); }
}
