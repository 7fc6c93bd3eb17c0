package dev.sesh.sim.service;

import dev.sesh.sim.conf.ConfigLog;
import dev.sesh.sim.conf.ConfigReply;
import dev.sesh.sim.conf.ConfigView;
import dev.sesh.sim.conf.Esp8266Schema;
import dev.sesh.sim.conf.SimConfig;
import dev.sesh.sim.fs.FlashFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Config.Get, Config.Set and Config.Save (rpc-service-config; mos-rpc.md 4.3, mos-captures README
 * 6.3) over {@link SimConfig}, and the board's {@link SimConfigView} of the live config. Subsystems
 * that read their config at boot (I2C, HTTP, ATCA) use {@link #bootView()} so that a Config.Set
 * without a reboot does not reach them, as on a real board.
 *
 * <p>Not modelled: the ESP8266-only 418 "manual device reset is required" reply to a reboot on the
 * first boot after flashing (the captures could not show it either).
 */
public final class ConfigService implements SimService, SimConfigView {
    /** Delay between a save-and-reboot reply and the reboot (mos-captures README 5.7). */
    public static final long REBOOT_DELAY_MS = 500;

    private final SimConfig config;
    private final List<BootLine> bootErrors = new ArrayList<>();

    private record BootLine(String file, int line, String message) {}

    /** A vendor config level file (design.md 5.3), for boards whose image carries one. */
    public static final String VENDOR_FILE = "conf1.json";

    /** The ESP8266 schema of the captures, its files in {@code fs}. */
    public ConfigService(FlashFs fs) { this(fs, Esp8266Schema.get()); }

    /** {@code schema} (e.g. {@link Esp8266Schema#app()}, with extra libs' keys), its files in {@code fs}. */
    public ConfigService(FlashFs fs, dev.sesh.sim.conf.ConfigSchema schema) {
        this.config = new SimConfig(schema, fs, DeviceJsonOut::quoted);
    }

    /** The config model itself. */
    public SimConfig model() { return config; }

    @Override public void boot(SimIdentity identity) {
        bootErrors.clear();
        config.boot(identity::expand, (err, file, line, msg) -> bootErrors.add(new BootLine(file, line, msg)));
    }

    @Override public List<SimMethod> init(SimContext ctx) {
        // Files that failed to parse while the config loaded are reported once the log is up.
        for (BootLine e : bootErrors) ctx.log(LogLevel.ERROR, e.file(), e.line(), e.message());
        bootErrors.clear();
        return List.of(
                new SimMethod("Config.Get", "{key: %Q, level: %d}", this::get),
                new SimMethod("Config.Set", "{key: %Q, config: %T, value: %T, level: %d, save: %B, try_once: %B, reboot: %B}", this::set),
                new SimMethod("Config.Save", "{try_once: %B, reboot: %B}", this::save));
    }

    private SimReply get(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        return reply(config.get(a.string("key"), (int) a.integer("level").orElse(-1)));
    }

    private SimReply set(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        Optional<String> value = a.token("config").or(() -> a.token("value")).map(ConfigService::json);
        boolean save = a.bool("save").orElse(false);
        ConfigReply r = config.set(a.string("key"), value, (int) a.integer("level").orElse(-1), save,
                a.bool("try_once").orElse(false), log(ctx));
        return rebootIfSaved(r, save && a.bool("reboot").orElse(false), ctx);
    }

    private SimReply save(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        ConfigReply r = config.save(a.bool("try_once").orElse(false), log(ctx));
        return rebootIfSaved(r, a.bool("reboot").orElse(false), ctx);
    }

    // The reply goes out first; the "Rebooting in 500 ms" line is then logged while it is on the
    // wire, so it is lost, exactly as the captures show.
    private static SimReply rebootIfSaved(ConfigReply r, boolean reboot, SimContext ctx) {
        SimReply reply = reply(r);
        if (!reboot || !(r instanceof ConfigReply.Ok)) return reply;
        ctx.respond(reply);
        ctx.scheduleReboot(REBOOT_DELAY_MS);
        return SimReply.none();
    }

    private static SimReply reply(ConfigReply r) {
        if (r instanceof ConfigReply.Ok ok) return SimReply.result(ok.body());
        ConfigReply.Fail f = (ConfigReply.Fail) r;
        return SimReply.error(f.code(), f.message());
    }

    private static ConfigLog log(SimContext ctx) {
        return (err, file, line, msg) -> ctx.log(err ? LogLevel.ERROR : LogLevel.INFO, file, line, msg);
    }

    /** A %T token back as JSON text: a string token's text comes without its quotes. */
    private static String json(JsonToken t) { return t.isString() ? '"' + t.text() + '"' : t.text(); }

    /** The config as loaded at the last boot (I2C enable and pins, HTTP, ATCA read this). */
    public ConfigView bootView() { return config.bootConfig(); }

    @Override public Optional<String> string(String key) {
        return config.liveConfig().find(key).filter(String.class::isInstance).map(String.class::cast);
    }

    @Override public OptionalLong integer(String key) {
        return config.liveConfig().find(key).filter(Long.class::isInstance)
                .map(v -> OptionalLong.of((Long) v)).orElse(OptionalLong.empty());
    }

    @Override public Optional<Boolean> bool(String key) {
        return config.liveConfig().find(key).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }
}
