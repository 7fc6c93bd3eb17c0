package dev.sesh.sim.service;

/**
 * A library's init returned false: the firmware's init fails with {@code code} (the ESP8266 prints
 * {@code Init failed: -32} when a dependency's init fails), waits 0.5 s and restarts, never starting
 * RPC. Thrown by {@link SimService#init}; the board turns it into that boot loop.
 */
public final class InitFailedException extends RuntimeException {
    /** mgos_init's result when a library's init fails, as the ESP8266 boot log prints it. */
    public static final int DEPS_FAILED = -32;

    private final int code;

    public InitFailedException(int code) {
        super("init failed: " + code, null, false, false);
        this.code = code;
    }

    public int code() { return code; }
}
