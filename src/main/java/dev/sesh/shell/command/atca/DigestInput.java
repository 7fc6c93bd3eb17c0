package dev.sesh.shell.command.atca;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** The 32-byte digest of sign and verify: given as hex, or the SHA-256 of a file. Exactly one of the two. */
final class DigestInput {
    private DigestInput() {}

    static Bytes of(String hex, Path file) {
        if ((hex == null) == (file == null)) throw SeshException.badArg("give the digest as hex or --file F, one of the two", "e.g. atca sign 0 --file firmware.bin");
        if (file != null) return sha256(file);
        Bytes d = AtcaCli.hexBytes(List.of(hex), "the digest");
        if (d.length() != 32) throw SeshException.badArg("the digest is " + d.length() + " bytes; ATECC signatures are over a 32-byte SHA-256 digest", "give 64 hex digits, or --file F to hash a file");
        return d;
    }

    static Bytes sha256(Path file) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw SeshException.badArg("no such file: " + file, "give the file to hash");
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", "check the file's permissions");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
