package dev.sesh.sim.service;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The board's live config as the core and the Sys service read it (keys dotted as in Config.Get:
 * {@code device.id}, {@code debug.level}, {@code debug.file_level}, {@code rpc.acl},
 * {@code i2c.enable}, {@code i2c.sda_gpio}, {@code i2c.scl_gpio}, {@code i2c.freq},
 * {@code sys.wdt_timeout}, {@code device.public_key}, {@code rpc.max_frame_size},
 * {@code rpc.max_queue_length}, {@code rpc.auth_domain}, {@code debug.stderr_uart},
 * {@code rpc.uart.uart_no}). The Config service implements it over its
 * full tree; {@code dev.sesh.sim.MemoryConfig} is a small stand-in for boards without one.
 * A missing key or a value of another type reads as empty.
 */
public interface SimConfigView {
    /**
     * Loads the config for a new boot: compiled defaults, vendor levels, then the saved user level;
     * placeholders in device.id are expanded with {@link SimIdentity#expand}. Unsaved live changes
     * are lost here, as on a real reboot.
     */
    void boot(SimIdentity identity);

    Optional<String> string(String key);

    OptionalLong integer(String key);

    Optional<Boolean> bool(String key);

    default String string(String key, String dflt) { return string(key).orElse(dflt); }

    default long integer(String key, long dflt) { return integer(key).orElse(dflt); }

    default boolean bool(String key, boolean dflt) { return bool(key).orElse(dflt); }
}
