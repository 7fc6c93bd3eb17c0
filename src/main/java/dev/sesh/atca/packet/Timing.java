package dev.sesh.atca.packet;

/**
 * Chip timing (reference/atecc.md 1.3, 1.8 and the "max" columns of 3.1 / 3.1.1). All values in
 * microseconds. Execution times are maxima (design.md 5.4): a host that waits this long before its
 * first poll never sees a busy NACK; the simulator stays busy exactly this long.
 */
public final class Timing {
    /** Minimum SDA low time that wakes the chip. */
    public static final long WAKE_LOW_US = 60;
    /** Wake-to-ready time before the first command. */
    public static final long WAKE_HIGH_US = 1_500;
    /** Wake-to-ready on a 608 with power-on self test enabled. */
    public static final long WAKE_HIGH_SELFTEST_US = 20_000;
    /** Watchdog with ChipMode bit 2 = 0 (typical 1.3 s). */
    public static final long WATCHDOG_US = 1_300_000;
    /** Watchdog with ChipMode bit 2 = 1 (about 13 s). */
    public static final long WATCHDOG_LONG_US = 13_000_000;

    private Timing() {}

    /** The watchdog period for a ChipMode byte (config byte 19). */
    public static long watchdogUs(int chipMode) { return (chipMode & 0x04) != 0 ? WATCHDOG_LONG_US : WATCHDOG_US; }

    /**
     * Maximum execution time of {@code op} on {@code v}, in microseconds. For the 608,
     * {@code chipMode} bits 7-3 pick the clock divider (0x00 M0, 0x28 M1, 0x68 M2; any other value
     * is taken as M0's neighbour by the bits it shares: 0x40 set -> M2, else 0x08 set -> M1).
     * Returns 0 for an opcode the variant does not have. For 508A Nonce and Verify the larger
     * cryptoauthlib figures (29 ms, 72 ms) are used, being safe upper bounds.
     */
    public static long maxExecutionUs(Opcode op, Variant v, int chipMode) {
        if (!op.existsOn(v)) return 0;
        return 1000L * (v.is608() ? max608Ms(op, divider(chipMode)) : max508Ms(op));
    }

    private static int divider(int chipMode) {
        int d = chipMode & 0xF8;
        if (d == 0) return 0;
        return (d & 0x40) != 0 ? 2 : 1;
    }

    private static int max508Ms(Opcode op) {
        return switch (op) {
            case PAUSE -> 3;
            case READ -> 5;
            case MAC -> 14;
            case HMAC -> 23;
            case WRITE -> 26;
            case GENDIG -> 11;
            case NONCE -> 29;
            case LOCK -> 32;
            case RANDOM -> 23;
            case DERIVE_KEY -> 50;
            case UPDATE_EXTRA -> 10;
            case COUNTER -> 20;
            case CHECK_MAC -> 13;
            case INFO -> 2;
            case GENKEY -> 115;
            case SIGN -> 60;
            case ECDH -> 58;
            case VERIFY -> 72;
            case PRIV_WRITE -> 48;
            case SHA -> 9;
            case AES, KDF, SELF_TEST, SECURE_BOOT -> 0;
        };
    }

    private static int max608Ms(Opcode op, int div) {
        int[] m = switch (op) {
            case ECDH -> new int[] {75, 172, 531};
            case GENKEY -> new int[] {115, 215, 653};
            case SIGN -> new int[] {115, 220, 665};
            case VERIFY -> new int[] {105, 295, 1085};
            case SHA -> new int[] {36, 42, 75};
            case GENDIG -> new int[] {25, 35, 35};
            case SECURE_BOOT -> new int[] {80, 160, 480};
            case SELF_TEST -> new int[] {250, 625, 2324};
            default -> null;
        };
        if (m != null) return m[div];
        return switch (op) {
            case READ -> 5;
            case MAC -> 55;
            case WRITE -> 45;
            case NONCE -> 20;
            case LOCK -> 35;
            case RANDOM -> 23;
            case DERIVE_KEY -> 50;
            case UPDATE_EXTRA -> 10;
            case COUNTER -> 25;
            case CHECK_MAC -> 40;
            case INFO -> 5;
            case PRIV_WRITE -> 50;
            case AES -> 27;
            case KDF -> 165;
            default -> 0;
        };
    }
}
