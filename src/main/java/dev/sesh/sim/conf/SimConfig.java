package dev.sesh.sim.conf;

import dev.sesh.sim.fs.FlashFs;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The simulated firmware's configuration (mos-rpc.md 4.3, mos-captures README 6.3): compiled-in
 * defaults are level 0 (plus {@code conf0.json}), {@code conf1.json}..{@code conf8.json} in the
 * filesystem are levels 1-8 (the vendor level lives there), {@code conf9.json} is the user level.
 *
 * <p>{@link #boot()} builds the live config from the files, taking {@code conf9.json.try} instead of
 * {@code conf9.json} once (and deleting it), then fills the {@code ?} run of {@code device.id} from
 * the MAC. Config.Set changes the live config at once; subsystems that read it at boot (I2C enable
 * and pins, HTTP, ATCA) must use {@link #bootConfig()}, everything live (debug level, rpc.acl) uses
 * {@link #liveConfig()}.
 */
public final class SimConfig {
    private static final String UTIL_C = "mgos_config_util.c";
    private static final int UTIL_LINE = 229;
    private static final String SYS_C = "mgos_sys_config.c";
    private static final int SAVED_LINE = 323;

    private final ConfigSchema schema;
    private final FlashFs fs;
    private final UnaryOperator<String> quote;
    private ConfigTree live;
    private ConfigTree atBoot;

    /** @param quote the firmware's JSON string writer (one char per byte in, JSON text out) */
    public SimConfig(ConfigSchema schema, FlashFs fs, UnaryOperator<String> quote) {
        this.schema = schema;
        this.fs = fs;
        this.quote = quote;
        this.live = ConfigTree.defaults(schema);
        this.atBoot = live.copy();
    }

    /**
     * Loads the levels as a boot does; a file that does not parse is logged and skipped.
     * {@code expandId} fills the MAC placeholders of device.id ({@code esp8266_??????}).
     */
    public void boot(UnaryOperator<String> expandId, ConfigLog log) {
        ConfigTree t = ConfigTree.defaults(schema);
        for (int i = 0; i <= 8; i++) loadInto(t, "conf" + i + ".json", log);
        String user = "conf9.json";
        if (fs.exists("conf9.json.try")) {
            user = "conf9.json.try";
        }
        loadInto(t, user, log);
        if (user.endsWith(".try")) fs.remove(user);
        t.put("device.id", expandId.apply(t.string("device.id")));
        live = t;
        atBoot = t.copy();
    }

    private void loadInto(ConfigTree t, String file, ConfigLog log) {
        try {
            load(t, file);
        } catch (ConfigError e) {
            log.log(true, UTIL_C, UTIL_LINE, e.getMessage());
        }
    }

    private void load(ConfigTree t, String file) throws ConfigError {
        Optional<byte[]> b = fs.read(file);
        if (b.isEmpty()) return;
        try {
            ConfigJson.Value v = ConfigJson.parse(new String(b.get(), StandardCharsets.ISO_8859_1));
            t.apply("", v, t.string("conf_acl"));
        } catch (ConfigJson.InvalidJson e) {
            throw new ConfigError(e.getMessage());
        }
    }

    /** The config as built from levels 0..{@code level} only (no MAC expansion). */
    private ConfigTree levels(int level) throws ConfigError {
        ConfigTree t = ConfigTree.defaults(schema);
        for (int i = 0; i <= level; i++) load(t, "conf" + i + ".json");
        return t;
    }

    /** The values as they were at the last boot (what boot-time subsystems run with). */
    public ConfigView bootConfig() { return atBoot; }

    /** The live values, changed at once by Config.Set. */
    public ConfigView liveConfig() { return live; }

    /** Config.Get: {@code level} 0-8 reads levels 0..level only, any other value the live config. */
    public ConfigReply get(Optional<String> key, int level) {
        ConfigTree t = live;
        if (level >= 0 && level <= 8) {
            try {
                t = levels(level);
            } catch (ConfigError e) {
                return new ConfigReply.Fail(400, "failed to load config");
            }
        }
        String path = key.orElse("");
        if (schema.find(path).isEmpty()) return new ConfigReply.Fail(404, "invalid config key");
        return new ConfigReply.Ok(t.compact(path, quote));
    }

    /**
     * Config.Set: merges {@code value} (JSON text of a partial config, or of the value at {@code key})
     * into the live config ({@code level} outside 1-8, saved as conf9.json) or into level 1-8 (kept
     * only if saved); answers {@code {"saved": false|true}}. Rebooting is the caller's job.
     */
    public ConfigReply set(Optional<String> key, Optional<String> value, int level, boolean save, boolean tryOnce,
                           ConfigLog log) {
        if (value.isEmpty()) return new ConfigReply.Fail(400, "value is required");
        if (level == 0) return new ConfigReply.Fail(400, "not allowed");
        String path = key.orElse("");
        if (schema.find(path).isEmpty()) return new ConfigReply.Fail(404, "invalid config key");
        boolean vendor = level >= 1 && level <= 8;
        try {
            ConfigTree target = vendor ? levels(level) : live.copy();
            target.apply(path, ConfigJson.parse(value.get()), target.string("conf_acl"));
            if (!vendor) live = target;
            if (!save) return new ConfigReply.Ok("{\"saved\": false}");
            return write(target, vendor ? level : 9, tryOnce, log);
        } catch (ConfigJson.InvalidJson e) {
            return invalid(e.getMessage(), log);
        } catch (ConfigError e) {
            return invalid(e.getMessage(), log);
        }
    }

    private static ConfigReply invalid(String msg, ConfigLog log) {
        log.log(true, UTIL_C, UTIL_LINE, msg);
        return new ConfigReply.Fail(400, "invalid config value: " + msg);
    }

    /** Config.Save: writes the live config's user level; answers {@code {"saved": true}}. */
    public ConfigReply save(boolean tryOnce, ConfigLog log) {
        try {
            return write(live, 9, tryOnce, log);
        } catch (ConfigError e) {
            return new ConfigReply.Fail(-1, "error saving config: " + e.getMessage());
        }
    }

    private ConfigReply write(ConfigTree t, int level, boolean tryOnce, ConfigLog log) throws ConfigError {
        String file = "conf" + level + ".json" + (tryOnce ? ".try" : "");
        String text = t.prettyDiff(levels(level - 1), quote);
        if (!fs.replace(file, text.getBytes(StandardCharsets.ISO_8859_1))) {
            return new ConfigReply.Fail(-1, "error saving config: failed to write " + file);
        }
        log.log(false, SYS_C, SAVED_LINE, "Saved to " + file);
        return new ConfigReply.Ok("{\"saved\": true}");
    }
}
