package dev.sesh.device;

/** The board's filesystem size and free space in bytes (Sys.GetInfo fs_size / fs_free, mos-rpc.md 4.2). */
public record FsUsage(long size, long free) {
    public long used() { return size - free; }
}
