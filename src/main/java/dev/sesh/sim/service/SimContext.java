package dev.sesh.sim.service;

import dev.sesh.bytes.Clock;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a handler (or a service at boot) may use of the board. All calls come from the board's
 * event loop. Time comes only from {@link #clock()} (design.md 5.4).
 */
public interface SimContext {
    Clock clock();

    SimIdentity identity();

    SimConfigView config();

    SimFsView fs();

    /** Milliseconds since this boot began. */
    long uptimeMillis();

    /** Device wall time in unix seconds (the 401 nonce). */
    long unixTime();

    /** Channel info of the request's channel, {@code UART0} on the simulated UART. */
    String channelInfo();

    /** Registered methods, newest first (the RPC.List order). */
    List<SimMethod> methods();

    /** An INFO line; see {@link #log(LogLevel, String, int, String)}. */
    default void log(String srcFile, int line, String message) { log(LogLevel.INFO, srcFile, line, message); }

    /**
     * A device log line on the UART: {@code srcFile:line} left in a 24-character field (the name
     * cut so at least one space remains), then the message and {@code \n}. Printed only if the
     * level passes debug.level (or a file_level entry for {@code srcFile}); thrown away, not
     * delayed, while a reply frame is being transmitted (mos-captures README 5.1).
     */
    void log(LogLevel level, String srcFile, int line, String message);

    /** Logs {@code Rebooting in N ms} and reboots after {@code delayMs}; the last 100 ms before it answer 418. */
    void scheduleReboot(long delayMs);

    /**
     * Sends the reply now, before the handler continues (Config.Set logs its reboot line while the
     * reply is on the wire, so the line is lost). The handler then returns {@link SimReply.NoReply}.
     */
    void respond(SimReply reply);

    /**
     * A log line printed without the file:line prefix (mbedTLS's ATCA lines, "ATCA:0 ECDSA sign ok");
     * {@code srcFile} only selects the debug.file_level entry that filters it.
     */
    void logBare(LogLevel level, String srcFile, String message);

    /**
     * One request frame from a channel other than the UART (the HTTP server's {@code POST /rpc}),
     * through the same RPC core: the "via" log line shows {@code channelType channelInfo}. Returns
     * the reply frame's JSON, empty when the request wants no reply. Callable from any thread.
     */
    Optional<String> rpcFrame(String json, String channelType, String channelInfo);

    /** Runs {@code work} while holding the board, for threads other than the board's own. */
    <T> T exclusive(Supplier<T> work);

    /** Sys.SetDebug: sets the global log level (-1..4); false if out of range. */
    boolean setLogLevel(int level);

    /** Sys.SetDebug: per-file levels, {@code mg_rpc.c=4,mgos_uart.c=1}; empty clears them. */
    void setFileLevels(String spec);
}
