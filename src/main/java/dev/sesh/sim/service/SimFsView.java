package dev.sesh.sim.service;

/**
 * The filesystem figures Sys.GetInfo prints (bytes). The FS service implements it over its model;
 * on a real board fs_size is 233681 and fs_free = size minus the bytes the files use.
 */
public interface SimFsView {
    long size();

    long free();

    /** A fixed view, for boards without an FS service. */
    static SimFsView fixed(long size, long used) {
        return new SimFsView() {
            @Override public long size() { return size; }
            @Override public long free() { return size - used; }
        };
    }
}
