package dev.sesh.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sesh.SeshException;
import dev.sesh.plan.Change;
import dev.sesh.plan.ConfigRules;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.CallOptions;
import dev.sesh.rpc.RpcTimeoutException;
import dev.sesh.rpc.frame.FrameJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The board's configuration (Config.*, mos-rpc.md 4.3): the {@code config} object of scripts and what
 * the {@code config} commands use. Keys are dotted ({@code http.ssl_cert}). Like {@code mos
 * config-set} (mos-rpc.md 5.2), {@link #set} refuses keys the board does not have (the board itself
 * would silently ignore them) and types each value from the board's current value, before anything
 * is sent; the change is saved and, unless told otherwise, the board reboots so every subsystem
 * reads it.
 */
public final class DeviceConfig {
    /** The board reboots this long after a save-and-reboot reply (mos-rpc.md 6.1). */
    static final Duration REBOOT_DELAY = Duration.ofMillis(500);
    /** How long a rebooting board may take to answer again. */
    static final Duration BOOT_LIMIT = Duration.ofSeconds(20);
    /** The highest level below the user's own (conf9): levels 0..8 are the defaults of {@link #diff}. */
    public static final int DEFAULTS_LEVEL = 8;

    private final Board board;
    private final BackgroundRefresh keysRefresh = new BackgroundRefresh(this::keys, BackgroundRefresh.daemonThread("config-keys"));
    private volatile List<String> keys = List.of();

    DeviceConfig(Board board) { this.board = board; }

    /** The live config tree as JSON text (Config.Get), in the board's key order. */
    public String json() { return FrameJson.write(tree(-1)); }

    /**
     * The value at dotted {@code key} as a plain Java value: String, Long, Double, Boolean, or an
     * ordered Map for a group.
     * @throws SeshException exit 2 for a key the board does not have, naming the closest ones
     */
    public Object get(String key) { return ConfigKeys.plain(node(key)); }

    /** The live value at {@code key} as a JSON node (a group or a scalar). */
    public JsonNode node(String key) {
        JsonNode tree = tree(-1);
        if (key.isEmpty()) return tree;
        JsonNode v = ConfigKeys.at(tree, key);
        if (v == null) throw ConfigKeys.unknown(key, ConfigKeys.leaves(tree).keySet());
        return v;
    }

    /** Every dotted key that holds a value, in the board's order; refreshes {@link #cachedKeys()}. */
    public List<String> keys() {
        List<String> all = List.copyOf(ConfigKeys.leaves(tree(-1)).keySet());
        keys = all;
        return all;
    }

    /**
     * Keys whose live value differs from the config built from levels 0..{@code level} (0-8);
     * password-like values show as "(hidden)", as in plans.
     */
    public List<ConfigDiffEntry> diff(int level) {
        if (level < 0 || level > DEFAULTS_LEVEL) throw SeshException.badArg("level " + level + " is not 0-8", "levels 0-8 are the defaults; 9 is what the user saved");
        Map<String, JsonNode> defaults = ConfigKeys.leaves(tree(level));
        Map<String, JsonNode> live = ConfigKeys.leaves(tree(-1));
        List<ConfigDiffEntry> out = new ArrayList<>();
        live.forEach((k, v) -> {
            JsonNode d = defaults.get(k);
            if (d != null && d.equals(v)) return;
            // The plan's rule hides password-like values here too.
            Change.ConfigKeyChange shown = new Change.ConfigKeyChange(k, d == null ? "(none)" : ConfigKeys.show(d), ConfigKeys.show(v), false);
            out.add(new ConfigDiffEntry(k, shown.from(), shown.to()));
        });
        return out;
    }

    /** {@code config.set('http.ssl_key': 'ATCA:0')} from scripts: saves and reboots. */
    public ConfigSetResult set(Map<String, ?> values) { return set(values, true); }

    /**
     * Sets dotted keys to values given as text (or any value, taken as its text) after the gate
     * approves a plan of old -> new per key; saves, and with {@code reboot} reboots the board and
     * waits until it answers again. Keys whose value is already as asked are left out; with none
     * left nothing is sent.
     * @throws SeshException exit 2 for an unknown key or a value of the wrong type (nothing sent)
     */
    public ConfigSetResult set(Map<String, ?> values, boolean reboot) {
        if (values.isEmpty()) throw SeshException.badArg("nothing to set", "give KEY=VALUE, e.g. config set http.listen_addr=:443");
        JsonNode tree = tree(-1);
        Map<String, JsonNode> leaves = ConfigKeys.leaves(tree);
        keys = List.copyOf(leaves.keySet());
        TreeMap<String, JsonNode> wanted = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ?> e : new LinkedHashMap<String, Object>(values).entrySet()) {
            String key = e.getKey();
            JsonNode old = leaves.get(key);
            if (old == null) throw ConfigKeys.unknown(key, leaves.keySet());
            JsonNode v = ConfigKeys.typed(key, String.valueOf(e.getValue()), old);
            if (sameValue(old, v)) continue;
            wanted.put(key, v);
            changes.add(new Change.ConfigKeyChange(key, ConfigKeys.show(old), ConfigKeys.show(v), false));
        }
        if (wanted.isEmpty()) return new ConfigSetResult(List.of(), false, Optional.empty());
        List<String> notes = bootRules(leaves, wanted, changes);
        Plan.Builder plan = Plan.builder("set " + wanted.size() + (wanted.size() == 1 ? " key" : " keys")
                + (reboot ? " and reboot the board" : "; saved, in effect for most subsystems after the next reboot"), board.target())
                .changes(changes);
        notes.forEach(plan::note);
        if (reboot) plan.change(new Change.Reboot());
        return board.gate().apply(plan.build(), () -> apply(wanted, reboot));
    }

    /**
     * {@link ConfigRules}: refuses a combination that breaks the board (exit 2, nothing sent) or adds
     * the keys that fix it to {@code wanted} and {@code changes}; returns the plan notes saying why.
     */
    private List<String> bootRules(Map<String, JsonNode> leaves, TreeMap<String, JsonNode> wanted, List<Change> changes) {
        Map<String, Object> current = new LinkedHashMap<>();
        leaves.forEach((k, v) -> current.put(k, ConfigKeys.plain(v)));
        Map<String, Object> requested = new LinkedHashMap<>();
        wanted.forEach((k, v) -> requested.put(k, ConfigKeys.plain(v)));
        ConfigRules.Verdict verdict = ConfigRules.check(current, requested, board.linkIsRpcUart());
        if (verdict.refused()) throw SeshException.badArg(verdict.refusal().get().message(), verdict.refusal().get().hint());
        verdict.fixes().forEach((k, v) -> {
            JsonNode old = leaves.get(k);
            JsonNode nv = ConfigKeys.typed(k, String.valueOf(v), old);
            wanted.put(k, nv);
            changes.add(new Change.ConfigKeyChange(k, ConfigKeys.show(old), ConfigKeys.show(nv), false));
        });
        return verdict.notes();
    }

    private ConfigSetResult apply(TreeMap<String, JsonNode> wanted, boolean reboot) {
        // Watching from before the request: the new boot's text may follow the reply at once.
        try (Board.BootWatch boot = board.watchBoot()) {
            return apply(wanted, reboot, boot);
        }
    }

    private ConfigSetResult apply(TreeMap<String, JsonNode> wanted, boolean reboot, Board.BootWatch boot) {
        ObjectNode params = FrameJson.mapper().createObjectNode();
        params.set("config", ConfigKeys.patch(wanted));
        params.put("save", true);
        if (reboot) params.put("reboot", true);
        JsonNode r;
        try {
            r = FrameJson.parse(board.raw("Config.Set", FrameJson.write(params)));
        } catch (RpcTimeoutException e) {
            // design.md 5.7: the reply may be what was lost; read the config back before calling it a failure.
            return appliedDespiteLostReply(wanted, reboot).orElseThrow(() -> e);
        } catch (RemoteErrorException e) {
            // An ESP8266 on its first boot after serial flashing saves, then restarts into its bootloader (mos-rpc.md 4.3).
            if (e.code() == 418 && e.remoteMessage().contains("manual device reset")) {
                throw SeshException.failed("the config was saved, but this ESP8266 needs a manual reset on its first boot after flashing",
                        "press the board's RESET button (or power-cycle it), then connect again");
            }
            throw e;
        }
        boolean saved = r.path("saved").asBoolean(false);
        if (!saved) {
            // Firmware older than 2.12 sets without saving (mos-rpc.md 5.2): save (and reboot) explicitly.
            r = FrameJson.parse(board.raw("Config.Save", "{\"reboot\":" + reboot + ",\"try_once\":false}"));
            saved = r.path("saved").asBoolean(false);
        }
        boot.answered();
        keys = List.of();
        Optional<Duration> back = Optional.empty();
        if (reboot) {
            long start = board.clock().nanos();
            // Its boot text ends with "Init done"; a board that prints nothing is polled after the reboot delay.
            boot.awaitBack(REBOOT_DELAY.plusMillis(400), BOOT_LIMIT);
            back = Optional.of(Duration.ofNanos(board.clock().nanos() - start));
        }
        refreshKeysInBackground();
        return new ConfigSetResult(List.copyOf(wanted.keySet()), saved, back);
    }

    /**
     * After Config.Set timed out: waits for the reboot it may have started, then reads the live
     * config. If every wanted key holds its new value the set took effect (a save+reboot set is
     * only live after the save), so the result says so; otherwise empty and the timeout stands.
     */
    private Optional<ConfigSetResult> appliedDespiteLostReply(TreeMap<String, JsonNode> wanted, boolean reboot) {
        long start = board.clock().nanos();
        if (reboot) {
            sleep(REBOOT_DELAY.toMillis() + 100);
            board.waitUntilBack(BOOT_LIMIT);
        }
        Map<String, JsonNode> now = ConfigKeys.leaves(tree(-1));
        for (Map.Entry<String, JsonNode> w : wanted.entrySet()) {
            JsonNode v = now.get(w.getKey());
            if (v == null || !sameValue(v, w.getValue())) return Optional.empty();
        }
        keys = List.of();
        Optional<Duration> back = reboot ? Optional.of(Duration.ofNanos(board.clock().nanos() - start)) : Optional.empty();
        return Optional.of(new ConfigSetResult(List.copyOf(wanted.keySet()), true, back));
    }

    /** Keys from the last listing, for completion; never waits for the board. */
    public List<String> cachedKeys() { return keys; }

    /** Refreshes {@link #cachedKeys()} on a background thread unless a refresh is running. */
    public void refreshKeysInBackground() { if (board.completionCaches()) keysRefresh.start(); }

    /** Config.Get of the whole tree at {@code level} (-1 = live). */
    private JsonNode tree(int level) {
        String params = level < 0 ? null : "{\"level\":" + level + "}";
        return FrameJson.parse(board.raw("Config.Get", params, CallOptions.DEFAULT));
    }

    private static boolean sameValue(JsonNode old, JsonNode v) {
        if (old.isNumber() && v.isNumber()) return old.decimalValue().compareTo(v.decimalValue()) == 0;
        return old.equals(v) || old.isNull() && v.isTextual() && v.asText().isEmpty();
    }

    private void sleep(long ms) {
        try {
            board.clock().sleepMillis(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("interrupted while the board reboots", "the config was saved; connect again when the board is back");
        }
    }
}
