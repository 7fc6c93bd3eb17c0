package dev.sesh.sim.conf;

/**
 * Read access to one set of config values by dotted leaf path (e.g. {@code i2c.enable}). Strings
 * are one char per byte (ISO-8859-1).
 */
public interface ConfigView {
    /** The leaf's value ({@link Long}, {@link Boolean}, {@link Double} or {@link String}). */
    Object value(String path);

    default String string(String path) { return (String) value(path); }

    default long integer(String path) { return (Long) value(path); }

    default boolean bool(String path) { return (Boolean) value(path); }
}
