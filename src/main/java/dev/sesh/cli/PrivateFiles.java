package dev.sesh.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code SESH_HOME} and what sesh keeps in it are the user's alone (design.md 5.13, issue 16 row 8):
 * the folder is made 0700 and its files (history, audit.log) 0600 when created. Existing ones are
 * tightened too, so a home made by an older sesh stops being readable by everyone. On a file
 * system without POSIX permissions nothing is changed.
 */
final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code dir} (and parents) if needed and makes it rwx for its owner only. */
    static void folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /** Creates {@code file} empty if missing and makes it rw for its owner only. */
    static void file(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (POSIX) Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            else Files.createFile(file);
        } else if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
