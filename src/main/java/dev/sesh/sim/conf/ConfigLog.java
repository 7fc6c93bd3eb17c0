package dev.sesh.sim.conf;

/**
 * Where the config model writes the firmware's log lines, with the source file and line the real
 * firmware prints (mos-captures README 5.1), e.g. {@code mgos_sys_config.c:323 Saved to conf9.json}.
 */
@FunctionalInterface
public interface ConfigLog {
    void log(String file, int line, String message);

    /** Drops every line. */
    ConfigLog NONE = (f, l, m) -> {};
}
