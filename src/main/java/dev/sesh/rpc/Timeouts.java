package dev.sesh.rpc;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long to wait for each method and whether a lost call may be resent (design.md 5.7;
 * numbers and reasons in docs/decisions.md, "RPC timeouts and retries"). Timeouts are per attempt;
 * an idempotent call gets {@link #RETRIES} more attempts, so no call waits longer than
 * {@code (RETRIES + 1) * timeout}. A global {@code --timeout} replaces every entry.
 */
public final class Timeouts {
    /** Extra attempts for an idempotent call that timed out. */
    public static final int RETRIES = 2;

    /** The method classes of the table, with their default per-attempt timeouts. */
    public enum MethodClass {
        /** Sys.GetInfo, RPC.*, Sys.SetDebug: answered from RAM within milliseconds. */
        INFO(Duration.ofSeconds(5)),
        /** Config.*: a save writes flash. */
        CONFIG(Duration.ofSeconds(10)),
        /** One FS.* request (a chunk of at most a few KB, plus flash erase spikes). */
        FS_CHUNK(Duration.ofSeconds(10)),
        /** ATCA.* and I2C.*: chip commands up to GenKey's 115 ms each, several per request, plus wake retries. */
        CHIP_OP(Duration.ofSeconds(15)),
        /** Sys.Reboot and Config.Set/Save with reboot: the reply precedes the reboot, so it comes fast or never. */
        REBOOT(Duration.ofSeconds(5)),
        /** Anything else. */
        DEFAULT(Duration.ofSeconds(10));

        private final Duration timeout;

        MethodClass(Duration timeout) { this.timeout = timeout; }

        public Duration defaultTimeout() { return timeout; }
    }

    public static final Timeouts DEFAULTS = new Timeouts(Optional.empty());

    private static final Pattern REBOOT_TRUE = Pattern.compile("\"reboot\"\\s*:\\s*true");

    private final Optional<Duration> override;

    private Timeouts(Optional<Duration> override) { this.override = override; }

    /** The table with every entry replaced by {@code timeout} (the global {@code --timeout}). */
    public static Timeouts overriddenBy(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        return new Timeouts(Optional.of(timeout));
    }

    /** Per-attempt timeout for {@code method} with these params (JSON text or null). */
    public Duration timeout(String method, String paramsJson) {
        return override.orElseGet(() -> classify(method, paramsJson).defaultTimeout());
    }

    public static MethodClass classify(String method, String paramsJson) {
        String m = method.toLowerCase(Locale.ROOT);
        if (m.equals("sys.reboot")) return MethodClass.REBOOT;
        if (m.startsWith("config.")) {
            return paramsJson != null && REBOOT_TRUE.matcher(paramsJson).find() ? MethodClass.REBOOT : MethodClass.CONFIG;
        }
        if (m.equals("sys.getinfo") || m.equals("sys.setdebug") || m.startsWith("rpc.")) return MethodClass.INFO;
        if (m.startsWith("fs.")) return MethodClass.FS_CHUNK;
        if (m.startsWith("atca.") || m.startsWith("i2c.")) return MethodClass.CHIP_OP;
        return MethodClass.DEFAULT;
    }

    /**
     * True for methods that change nothing, so resending one after a timeout is safe:
     * Sys.GetInfo, RPC.*, Config.Get, FS.Get, FS.List*, I2C.Read*, ATCA.GetConfig, ATCA.GetPubKey.
     */
    public static boolean idempotent(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return m.equals("sys.getinfo") || m.startsWith("rpc.") || m.equals("config.get") || m.equals("fs.get")
                || m.startsWith("fs.list") || m.startsWith("i2c.read") || m.equals("atca.getconfig") || m.equals("atca.getpubkey");
    }
}
