package dev.sesh.sim.conf;

/**
 * Where the config model writes the firmware's log lines, with the source file and line the real
 * firmware prints (mos-captures README 5.1), e.g. {@code mgos_sys_config.c:323 Saved to conf9.json}.
 * {@code error} marks lines the firmware logs at error level (config parse errors).
 */
@FunctionalInterface
public interface ConfigLog {
    void log(boolean error, String file, int line, String message);

    /** Drops every line. */
    ConfigLog NONE = (e, f, l, m) -> {};
}
