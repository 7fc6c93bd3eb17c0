package dev.sesh.sim.service;

/** Firmware log levels (cs_log): a line prints when its level is at most the configured one. */
public enum LogLevel {
    ERROR(0), WARN(1), INFO(2), DEBUG(3), VERBOSE(4);

    private final int value;

    LogLevel(int value) { this.value = value; }

    /** The number used by debug.level and Sys.SetDebug (-1 = none). */
    public int value() { return value; }
}
