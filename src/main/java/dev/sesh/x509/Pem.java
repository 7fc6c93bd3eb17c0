package dev.sesh.x509;

import dev.sesh.SeshException;
import dev.sesh.plan.LocalFileGuard;
import dev.sesh.atca.PublicKeys;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** PEM text and the files sesh writes (certificates, requests, public keys, and private keys with mode 0600). */
public final class Pem {
    private Pem() {}

    /** One PEM block of type {@code type} ("CERTIFICATE", "PUBLIC KEY", ...), LF line ends. */
    public static String of(String type, byte[] der) {
        StringWriter w = new StringWriter();
        try (PemWriter pw = new PemWriter(w)) {
            pw.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException("PEM in memory failed", e);
        }
        return w.toString().replace("\r\n", "\n");
    }

    /** The public key X || Y as a PEM "PUBLIC KEY" (SubjectPublicKeyInfo, prime256v1), as {@code mos atca-get-pub-key} writes it. */
    public static String publicKey(Bytes xy) { return of("PUBLIC KEY", PublicKeys.spki(xy).toArray()); }

    /**
     * Writes public text to {@code file}, replacing it, but never a file that holds a private key
     * or secret (issue 16 row 3; callers ask about other existing files first, LocalFileGuard).
     */
    public static void write(Path file, String text) {
        LocalFileGuard.refuseKeyFile(file);
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw SeshException.badArg("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", "check the folder exists and is writable");
        }
    }

    /**
     * Creates {@code file} holding secret text, readable by its owner only (mode 0600 where the
     * file system has POSIX modes); refuses to replace an existing file.
     */
    static void writeSecret(Path file, String text) {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw SeshException.badArg(file + " exists: sesh does not overwrite a key file", "choose another name, or remove the old key if you no longer need it");
        } catch (IOException e) {
            throw SeshException.badArg("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", "check the folder exists and is writable");
        }
    }
}
