package dev.sesh.plan;

import dev.sesh.SeshException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether sesh may replace a local file it is about to write (issue 16 rows 3 and 4).
 * A file that holds a private key or a 32-byte secret (as {@link Redactor#looksSecret} reads
 * key files) is never replaced, whatever the flags; the error names it. Any other existing file is
 * replaced only when {@code --force} was given, or the user said yes on a terminal; without a
 * terminal the write is refused (exit 3). A missing file is always fine.
 */
public final class LocalFileGuard {
    private static final int SNIFF = 64 * 1024;
    private final Optional<Predicate<Path>> ask;
    private final boolean force;

    /** {@code ask}: the terminal question "replace FILE? [y/N]", empty without a terminal. */
    public LocalFileGuard(Optional<Predicate<Path>> ask, boolean force) {
        this.ask = ask;
        this.force = force;
    }

    /** No terminal and no --force: existing files are never replaced. */
    public static LocalFileGuard refusing() { return new LocalFileGuard(Optional.empty(), false); }

    /** Replaces any file but a key file (scripts that asked for it explicitly; {@code --force}). */
    public static LocalFileGuard forced() { return new LocalFileGuard(Optional.empty(), true); }

    /**
     * Returns normally if {@code target} may be written: it does not exist, or it may be replaced.
     *
     * @throws SeshException exit 2 for a key file, exit 3 when not confirmed.
     */
    public void mayReplace(Path target) {
        if (!Files.exists(target) || Files.isDirectory(target)) return;
        refuseKeyFile(target);
        if (force) return;
        if (ask.isEmpty()) {
            throw SeshException.declined(target + " exists; sesh does not replace it without asking",
                    "give a new file name, or add --force to replace it");
        }
        if (!ask.get().test(target)) throw SeshException.declined("declined: " + target + " was not replaced", "give a new file name");
    }

    /**
     * Returns normally if folder {@code dir}, which holds something, may have its content replaced
     * (issue 23: {@code twin DIR}): with {@code --force}, or when the user says yes.
     *
     * @throws SeshException exit 3 when not confirmed (always without a terminal and --force).
     */
    public void mayReplaceFolder(Path dir) {
        if (force) return;
        if (ask.isEmpty()) {
            throw SeshException.declined(dir + " is not empty; sesh does not replace what it holds without asking",
                    "give an empty or new folder, or add --force to replace it");
        }
        if (!ask.get().test(dir)) throw SeshException.declined("declined: nothing in " + dir + " was replaced", "give an empty or new folder");
    }

    /** Throws if {@code target} exists and holds a private key or a 32-byte secret. */
    public static void refuseKeyFile(Path target) {
        if (holdsKey(target)) {
            throw SeshException.badArg(target + " holds a private key or secret: sesh never replaces it",
                    "write to a new file name; keep " + target.getFileName() + " as it is");
        }
    }

    /** Whether {@code file} exists and its bytes are a private key or a 32-byte secret. */
    public static boolean holdsKey(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return Redactor.looksSecret(in.readNBytes(SNIFF));
        } catch (IOException e) {
            return false;   // unreadable: the write that follows reports the real problem
        }
    }
}
