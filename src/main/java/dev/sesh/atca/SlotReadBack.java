package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.SlotConfig;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Reading a slot back after its write lost its reply (design.md 5.7, {@link LostReply}): whether
 * the data or key sesh sent is what the slot holds now. A slot readable in the clear is read and
 * compared; a secret 32-byte slot (a write key) is checked with a MAC over a random challenge,
 * computed by the chip with the slot's key and here with the key sesh wrote, so the key itself never
 * crosses the link; a private key is checked through its public key. The answers name the slot
 * and the file, never key bytes.
 */
final class SlotReadBack {
    private static final SecureRandom RNG = new SecureRandom();

    private SlotReadBack() {}

    /**
     * Whether data slot {@code slot} holds {@code data} (written from block 0) from {@code source}.
     * With the ATCA.* service (no Read, no MAC) the check runs over the board's I2C.* service
     * ({@link Atecc#checker()}); where that service does not work (missing, I2C off) the answer is
     * unknown, while a lost link fails the call.
     */
    static LostReply.Found data(Atecc atecc, ConfigZone z, int slot, Bytes data, String source) {
        if (!z.lockState().dataLocked()) return LostReply.Found.unknown("data slots can be read only after the data zone is locked");
        AteccBackend b = atecc.checker();
        if (atecc.backend() == b) return data(atecc, b, z, slot, data, source);
        try {
            return data(atecc, b, z, slot, data, source);
        } catch (ChipStatusException refused) {
            throw refused;
        } catch (SeshException e) {
            if (e.exitCode() == SeshException.UNREACHABLE) throw e;
            return LostReply.Found.unknown("the ATCA.* service cannot read slot " + slot + " and the check over the board's I2C.* service failed ("
                    + e.getMessage() + ")");
        }
    }

    private static LostReply.Found data(Atecc atecc, AteccBackend b, ConfigZone z, int slot, Bytes data, String source) {
        SlotConfig s = z.slotConfig(slot);
        if (!s.isSecret()) {
            Bytes now = atecc.chip(ChipOp.READ, slot, false, () -> b.session(() -> read(b, slot, data.length())));
            return now.equals(data) ? LostReply.Found.done("slot " + slot + " reads back the " + data.length() + " bytes of " + source)
                    : LostReply.Found.notDone("slot " + slot + " does not hold the bytes of " + source);
        }
        if (data.length() != 32 || s.noMac()) {
            return LostReply.Found.unknown("slot " + slot + " is secret (IsSecret)" + (s.noMac() ? " and NoMac" : "") + ": it can never be read");
        }
        byte[] c = new byte[32];
        RNG.nextBytes(c);
        Bytes challenge = Bytes.of(c);
        Bytes fromChip;
        try {
            fromChip = b.mac(slot, challenge);
        } catch (ChipStatusException e) {
            return LostReply.Found.unknown("slot " + slot + " is secret and the chip refused a MAC with its key (" + e.status().name().toLowerCase().replace('_', ' ') + ")");
        }
        Bytes expected = MacMath.mac(data, challenge, 0x00, slot, Bytes.of(new byte[64]), SerialNumber.fromConfig(z.bytes()));
        return fromChip.equals(expected) ? LostReply.Found.done("a MAC with slot " + slot + "'s key matches " + source)
                : LostReply.Found.notDone("a MAC with slot " + slot + "'s key does not match " + source + ", so the slot holds another key");
    }

    /**
     * Whether P-256 slot {@code slot} holds the private key whose public key is {@code wanted}
     * (from {@code source}); {@code before} is what it held before the write.
     */
    static LostReply.Found privateKey(Atecc atecc, ConfigZone z, int slot, Bytes wanted, String source, ExistingKey before) {
        if (!z.keyConfig(slot).pubInfo()) return LostReply.Found.unknown("slot " + slot + "'s PubInfo is 0, so the chip does not give its public key");
        Optional<Bytes> key = publicKeyNow(atecc, slot);
        if (key.isEmpty()) return LostReply.Found.notDone("slot " + slot + " still holds no key, nothing was written");
        Bytes now = key.get();
        if (now.equals(wanted)) return LostReply.Found.done("slot " + slot + "'s public key matches " + source);
        if (before.kind() == ExistingKey.Kind.KEY && before.publicKey().equals(now)) {
            return LostReply.Found.notDone("slot " + slot + " still holds its old key (public key SHA-256 " + PublicKeys.shortFingerprint(now) + "), nothing was written");
        }
        return LostReply.Found.notDone("slot " + slot + " holds a key that is not " + source + " (public key SHA-256 " + PublicKeys.shortFingerprint(now) + ")");
    }

    /** Whether GenKey made a new key in {@code slot}: its public key differs from {@code before}'s. */
    static LostReply.Found newKey(Atecc atecc, ConfigZone z, int slot, ExistingKey before) {
        if (before.kind() == ExistingKey.Kind.UNKNOWN) return LostReply.Found.unknown(before.why());
        Optional<Bytes> key = publicKeyNow(atecc, slot);
        if (key.isEmpty()) return LostReply.Found.notDone("slot " + slot + " still holds no key, none was generated");
        Bytes now = key.get();
        if (before.kind() == ExistingKey.Kind.KEY && before.publicKey().equals(now)) {
            return LostReply.Found.notDone("slot " + slot + " still holds its old key, none was generated");
        }
        return LostReply.Found.done("slot " + slot + " holds a new key (public key SHA-256 " + PublicKeys.shortFingerprint(now) + ")");
    }

    /** GenKey mode 0 of {@code slot}; empty when the chip says it holds no valid key (execution error). */
    static Optional<Bytes> publicKeyNow(Atecc atecc, int slot) {
        try {
            return Optional.of(atecc.backend().publicKey(slot));
        } catch (ChipStatusException e) {
            if (e.status() == StatusCode.EXECUTION_ERROR) return Optional.empty();
            throw e;
        }
    }

    // Whole 32-byte blocks from block 0, then 4-byte words of a shorter last block (as Atecc.write writes them).
    private static Bytes read(AteccBackend b, int slot, int length) {
        Bytes all = Bytes.EMPTY;
        for (int off = 0; off < length; off += 32) {
            int chunk = Math.min(32, length - off);
            if (chunk == 32) all = all.concat(b.read(slot, off / 32, 0, 32));
            else for (int w = 0; w * 4 < chunk; w++) all = all.concat(b.read(slot, off / 32, w, 4));
        }
        return all.slice(0, length);
    }
}
