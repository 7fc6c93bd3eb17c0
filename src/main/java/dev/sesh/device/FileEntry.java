package dev.sesh.device;

import java.util.Objects;

/** One device file as FS.ListExt reports it (mos-rpc.md 4.4): its name without a leading slash and its size in bytes. */
public record FileEntry(String name, long size) {
    public FileEntry {
        Objects.requireNonNull(name);
        if (size < 0) throw new IllegalArgumentException("size < 0");
    }
}
