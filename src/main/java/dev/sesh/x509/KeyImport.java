package dev.sesh.x509;

import dev.sesh.atca.config.Slot;
import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.KeyWriteResult;
import dev.sesh.atca.PublicKeys;
import dev.sesh.atca.SecretBytes;
import dev.sesh.atca.config.ConfigZone;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code atca key set SLOT FILE [--write-key WKFILE] [--cert CERT]} (issue 7; what {@code mos
 * atca-set-key} does, mos-rpc.md 5.2): a P-256 private key file into a private-key slot with
 * PrivWrite, or hex/raw key data (such as the write key from {@code openssl rand -hex 32}) into a
 * data slot. The slot's KeyConfig decides which. With {@code cert} the key must be the one the
 * certificate was made for, and the plan says it matches. Files are read and checked before
 * anything is sent; bad files are exit 2.
 */
public final class KeyImport {
    private KeyImport() {}

    public static KeyWriteResult set(Atecc atecc, int slot, Path file, Optional<Path> writeKeyFile, Optional<Path> certFile) {
        Slot.of(slot);
        ConfigZone z = atecc.state();
        Optional<SecretBytes> writeKey = writeKeyFile.map(f -> KeyFiles.readSecret32(f, "write key"));
        if (!z.keyConfig(slot).isPrivate()) {
            if (certFile.isPresent()) throw SeshException.badArg("--cert checks a private key, and slot " + slot + " is a data slot", "leave out --cert");
            return atecc.keys().setData(slot, KeyFiles.readData(file, "key for slot " + slot), writeKey);
        }
        PrivateKeyFile key = KeyFiles.readPrivate(file);
        String line = key.describe();
        if (certFile.isPresent()) {
            CertView cert = CertView.read(certFile.get());
            if (!cert.matches(key.publicKey())) {
                throw SeshException.badArg(file + "'s public key (SHA-256 " + PublicKeys.shortFingerprint(key.publicKey()) + ") is not the one in "
                        + certFile.get() + " (SHA-256 " + shortFingerprint(cert.fingerprint()) + ")", "give the key the certificate was made for");
            }
            line += " (matches " + certFile.get() + ")";
        }
        return atecc.keys().setPrivateKey(slot, key.scalar(), key.publicKey(), line, writeKey);
    }

    private static String shortFingerprint(String hex) { return hex.substring(0, 4) + "..." + hex.substring(hex.length() - 4); }
}
