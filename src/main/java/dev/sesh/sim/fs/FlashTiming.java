package dev.sesh.sim.fs;

/**
 * The simulated flash's write cost (mos-rpc.md 6.3 gives only estimates, so these are fixed model
 * numbers, documented in docs/simulator.md): every write call costs {@link #CALL_NANOS} plus
 * {@link #PER_BYTE_NANOS} per byte, and each time the running count of bytes written crosses a
 * multiple of {@link #SECTOR_BYTES} a sector erase adds {@link #ERASE_NANOS}. A 512-byte FS.Put
 * chunk thus takes 6.1 ms, and every eighth one about 46 ms.
 */
public record FlashTiming(long callNanos, long perByteNanos, int sectorBytes, long eraseNanos) {
    public static final long CALL_NANOS = 2_000_000L;
    public static final long PER_BYTE_NANOS = 8_000L;
    public static final int SECTOR_BYTES = 4096;
    public static final long ERASE_NANOS = 40_000_000L;

    /** The model numbers above. */
    public static final FlashTiming DEFAULT = new FlashTiming(CALL_NANOS, PER_BYTE_NANOS, SECTOR_BYTES, ERASE_NANOS);

    /** Nanoseconds for writing {@code n} bytes when {@code before} bytes were written since boot. */
    public long cost(long before, long n) {
        long erases = (before + n) / sectorBytes - before / sectorBytes;
        return callNanos + perByteNanos * n + eraseNanos * erases;
    }
}
