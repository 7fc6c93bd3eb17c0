package dev.sesh.device;

/** The board's filesystem size and free space in bytes (Sys.GetInfo fs_size / fs_free, mos-rpc.md 4.2). */
public record FsUsage(long size, long free) {
    /**
     * The share of a SPIFFS filesystem's size that never holds file data (page headers, lookup
     * pages, the blocks it keeps free): on an ESP8266's 233681-byte filesystem writes stop at about
     * 207.8 KB of data (issue 24). The board does not report it, so this is the platform's value.
     */
    static final double SPIFFS_OVERHEAD = (233_681 - 207_803) / 233_681.0;

    public long used() { return size - free; }

    /** Bytes that can still be written before the board's SPIFFS fails a write: free minus the overhead. */
    public long writable() { return Math.max(0, free - (long) Math.ceil(size * SPIFFS_OVERHEAD)); }
}
