package dev.sesh.atca.driver;

/**
 * How the driver paces a chip. Times in microseconds.
 *
 * @param address          the chip's 7-bit I2C address (sys.atca.i2c_addr, 0x60)
 * @param wakeDelayUs      wait after the wake pulse before reading the wake answer (tWHI, 1500)
 * @param waitExecution    true: wait the opcode's maximum execution time (Timing) before the
 *                         first poll; false: wait {@code firstPollUs}, as the firmware does
 * @param firstPollUs      first poll delay when not waiting the execution time (firmware: 1000)
 * @param pollIntervalUs   pause between polls that were NACKed (firmware: 2000)
 * @param pollTimeoutUs    give up polling after this long (firmware: 2.5 s)
 * @param wakeAttempts     wake attempts before 0xD0 "wake failed" (&gt;= 1)
 * @param commandAttempts  attempts of one command on CRC errors, 0xFF/0xEE answers or a NACKed
 *                         command write (&gt;= 1)
 * @param rereadAttempts   re-reads of an answer that does not check (after a word-address-0x00
 *                         reset) before the command is resent; 0 = resend at once, as the firmware
 * @param keepAwakeUs      0: wake before and idle after every command, as the firmware; else the
 *                         chip stays awake between commands and is idled and woken again only when
 *                         a command would not end (with {@link #awakeMarginUs} to spare for the
 *                         link) this long after the wake: the watchdog's minimum, 0.7 s
 * @param awakeMarginUs    time kept in hand for the command and answer to cross the link
 */
public record DriverOptions(int address, long wakeDelayUs, boolean waitExecution, long firstPollUs,
                            long pollIntervalUs, long pollTimeoutUs, int wakeAttempts, int commandAttempts, int rereadAttempts,
                            long keepAwakeUs, long awakeMarginUs) {
    public static final int DEFAULT_ADDRESS = 0x60;

    public DriverOptions {
        if (address < 0 || address > 0x7F) throw new IllegalArgumentException("7-bit address out of range: " + address);
        if (wakeAttempts < 1 || commandAttempts < 1 || rereadAttempts < 0) throw new IllegalArgumentException("attempts must be >= 1 (re-reads >= 0)");
        if (pollTimeoutUs <= 0 || pollIntervalUs <= 0) throw new IllegalArgumentException("poll interval and timeout must be positive");
        if (keepAwakeUs < 0 || awakeMarginUs < 0) throw new IllegalArgumentException("awake period and margin must be >= 0");
    }

    /** The Mongoose OS HAL's pacing (reference/atecc.md 1.9): 1 ms, then poll every 2 ms for up to 2.5 s. */
    public static DriverOptions firmware() {
        return new DriverOptions(DEFAULT_ADDRESS, 1_500, false, 1_000, 2_000, 2_500_000, 3, 3, 0, 0, 0);
    }

    /**
     * For a host far from the chip (every I2C access is an RPC round trip): wait the maximum
     * execution time, so the first poll normally succeeds; an answer garbled on the serial link is
     * read again before the command is resent.
     */
    public static DriverOptions host() {
        return new DriverOptions(DEFAULT_ADDRESS, 1_500, true, 0, 5_000, 2_500_000, 3, 3, 2, 0, 0);
    }

    /**
     * {@link #host()} for a link where every I2C transfer is a round trip of tens of ms (RPC over a
     * serial line): the chip is woken once per watchdog period instead of once per command and not
     * idled after each, so a command is two transfers (command, answer) instead of five
     * (reference/atecc.md 1.8, 1.10). The period counted is the watchdog's minimum (0.7 s), from
     * before the wake is sent, with 150 ms kept in hand for the link.
     */
    public static DriverOptions overLink() {
        return new DriverOptions(DEFAULT_ADDRESS, 1_500, true, 0, 5_000, 2_500_000, 3, 3, 2, 700_000, 150_000);
    }

    public DriverOptions withAddress(int a) {
        return new DriverOptions(a, wakeDelayUs, waitExecution, firstPollUs, pollIntervalUs, pollTimeoutUs, wakeAttempts, commandAttempts, rereadAttempts,
                keepAwakeUs, awakeMarginUs);
    }
}
