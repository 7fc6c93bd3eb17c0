package dev.sesh.device;

/**
 * Told how far a file transfer has come: {@code done} of {@code total} bytes, called from the
 * transferring thread after each chunk. The shell draws a progress bar from it; scripts may ignore it.
 */
@FunctionalInterface
public interface TransferProgress {
    TransferProgress NONE = (done, total) -> { };

    void advanced(long done, long total);
}
