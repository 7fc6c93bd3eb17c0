package dev.sesh.sim.conf;

import java.util.Optional;

/**
 * Read access to one set of config values by dotted leaf path (e.g. {@code i2c.enable}). Strings
 * are one char per byte (ISO-8859-1).
 */
public interface ConfigView {
    /** The leaf's value ({@link Long}, {@link Boolean}, {@link Double} or {@link String}); empty if no such leaf. */
    Optional<Object> find(String path);

    /** The leaf's value; throws IllegalArgumentException if there is no such leaf. */
    default Object value(String path) {
        return find(path).orElseThrow(() -> new IllegalArgumentException("no config leaf " + path));
    }

    default String string(String path) { return (String) value(path); }

    default long integer(String path) { return (Long) value(path); }

    default boolean bool(String path) { return (Boolean) value(path); }
}
