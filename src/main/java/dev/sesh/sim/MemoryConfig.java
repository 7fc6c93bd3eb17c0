package dev.sesh.sim;

import dev.sesh.sim.service.SimConfigView;
import dev.sesh.sim.service.SimIdentity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A small in-memory {@link SimConfigView} for boards built without the Config service: the
 * defaults of the keys the core and Sys read (mos-captures README 3), plus fixed overrides. Not
 * persisted; {@link #boot} expands device.id from the MAC.
 */
public final class MemoryConfig implements SimConfigView {
    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("device.id", "esp8266_??????"),
            Map.entry("device.public_key", ""),
            Map.entry("debug.level", 2L),
            Map.entry("debug.file_level", ""),
            Map.entry("debug.udp_log_addr", ""),
            Map.entry("debug.stderr_uart", 0L),
            Map.entry("rpc.uart.uart_no", 0L),
            Map.entry("i2c.enable", false),
            Map.entry("i2c.freq", 100000L),
            Map.entry("i2c.sda_gpio", 12L),
            Map.entry("i2c.scl_gpio", 14L),
            Map.entry("sys.wdt_timeout", 30L),
            Map.entry("rpc.acl", ""),
            Map.entry("rpc.auth_domain", "RPC"),
            Map.entry("rpc.max_frame_size", 4096L),
            Map.entry("rpc.max_queue_length", 25L),
            Map.entry("wifi.ap.enable", true),
            Map.entry("wifi.ap.ip", "192.168.4.1"));

    private final Map<String, Object> overrides;
    private final Map<String, Object> live = new HashMap<>();

    /** Defaults with {@code overrides} (values: String, Long/Integer, Boolean) applied at every boot. */
    public MemoryConfig(Map<String, ?> overrides) {
        Map<String, Object> o = new HashMap<>();
        overrides.forEach((k, v) -> o.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
        this.overrides = Map.copyOf(o);
        live.putAll(DEFAULTS);
        live.putAll(this.overrides);
    }

    public MemoryConfig() { this(Map.of()); }

    @Override public void boot(SimIdentity identity) {
        live.clear();
        live.putAll(DEFAULTS);
        live.putAll(overrides);
        live.put("device.id", identity.expand((String) live.get("device.id")));
    }

    /** Changes a live value until the next boot (what Config.Set without save does). */
    public void set(String key, Object value) { live.put(key, value instanceof Integer i ? Long.valueOf(i) : value); }

    @Override public Optional<String> string(String key) {
        return live.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @Override public OptionalLong integer(String key) {
        return live.get(key) instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    @Override public Optional<Boolean> bool(String key) {
        return live.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }
}
