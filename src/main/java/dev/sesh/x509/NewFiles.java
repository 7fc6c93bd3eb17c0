package dev.sesh.x509;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names for files a hint tells the user to create: beside a given file, and never one that exists
 * (issue 16: a hint such as {@code openssl rand -hex 32 > ecc.key.pem} would destroy the key it names).
 */
public final class NewFiles {
    private NewFiles() {}

    /** {@code stem.ext} in {@code near}'s folder, else {@code stem-2.ext}, {@code stem-3.ext}...: the first that does not exist. */
    public static Path beside(Path near, String stem, String ext) {
        Path dir = near.getParent();
        for (int i = 1; ; i++) {
            String name = stem + (i == 1 ? "" : "-" + i) + "." + ext;
            Path p = dir == null ? Path.of(name) : dir.resolve(name);
            if (!Files.exists(p)) return p;
        }
    }
}
