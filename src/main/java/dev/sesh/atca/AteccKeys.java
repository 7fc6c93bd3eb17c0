package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Plan;
import dev.sesh.twin.Step;

import java.util.Optional;

/**
 * The key operations of {@link Atecc} (issue 7: {@code atca key set|gen|pub}, {@code atca sign}):
 * importing a P-256 private key with PrivWrite, writing key data into a data slot, GenKey, the
 * public key of a slot and signing a digest. Changes go through the board's gate with a plan that
 * names the key's source and public key fingerprint and says whether any secret crosses the serial
 * link (design.md 5.11); the host back end encrypts on this computer so a write key never does.
 * Private keys are 32-byte big-endian scalars, public keys X || Y (64 bytes), signatures R || S
 * (64 bytes) over a 32-byte digest (reference/atecc.md 7, 8). Key bytes never appear in plans,
 * messages or exceptions.
 */
public final class AteccKeys {
    private final Atecc atecc;

    public AteccKeys(Atecc atecc) { this.atecc = atecc; }

    /**
     * Writes the private key {@code scalar} (32 bytes) into P-256 slot {@code slot} with PrivWrite:
     * in the clear while the data zone is open, else encrypted with {@code writeKey} (the key held
     * in the slot's WriteKey slot). {@code publicKey} is the key's X || Y and {@code keyLine}
     * describes it for the plan ("ecc.key.pem, public key SHA-256 7f3a...c21e"). Afterwards the
     * public key is read back (GenKey mode 0) and compared; a mismatch throws. When the slot
     * already holds this key nothing is sent.
     */
    public KeyWriteResult setPrivateKey(int slot, SecretBytes scalar, Bytes publicKey, String keyLine, Optional<SecretBytes> writeKey) {
        Atecc.checkSlot(slot);
        if (scalar.length() != 32 || publicKey.length() != 64) throw new IllegalArgumentException("a P-256 key is a 32-byte scalar and a 64-byte public key");
        ConfigZone z = atecc.state();
        int wkSlot = KeyPlans.privateKeyRoute(z, slot, writeKey.isPresent());
        ExistingKey existing = existing(z, slot);
        String label = scalar.source();
        if (existing.kind() == ExistingKey.Kind.KEY && existing.publicKey().equals(publicKey)) {
            return new KeyWriteResult(slot, false, "none", true, "slot " + slot + " already holds the key of " + label + "; nothing was written");
        }
        AteccBackend b = atecc.backend();
        Plan plan = Rehearsed.plan(KeyPlans.privateKeyWrite(atecc.target(), z, slot, b.via(), wkSlot, keyLine, writeKey.map(SecretBytes::source), existing), z, Step.privWrite(slot));
        Optional<Bytes> wk = wkSlot >= 0 ? writeKey.map(w -> w.bytes()) : Optional.empty();
        Optional<LostReply.Found> lost = atecc.board().gate().apply(plan, () -> LostReply.guard("the private key write",
                () -> atecc.chip(ChipOp.PRIV_WRITE, slot, wk.isPresent(), () -> { b.privWrite(slot, scalar.bytes(), Math.max(wkSlot, 0), wk); return null; }),
                () -> SlotReadBack.privateKey(atecc, z, slot, publicKey, label, existing),
                "run the same atca key set again: it writes the key only if the slot does not hold it yet"));
        String how = wkSlot >= 0 ? "encrypted PrivWrite" : "PrivWrite in the clear";
        if (!z.keyConfig(slot).pubInfo()) {
            return new KeyWriteResult(slot, true, how, false, "slot " + slot + " written (" + how + "); its PubInfo is 0, so the chip cannot give the public key back to check");
        }
        // A lost reply's read-back (done) has already compared this slot's public key with the file's.
        Bytes back = lost.isPresent() ? publicKey : publicKey(slot);
        if (!back.equals(publicKey)) {
            throw SeshException.failed("slot " + slot + " was written, but the public key read back (SHA-256 " + PublicKeys.shortFingerprint(back)
                    + ") is not the one of " + label, "check the key file, then write it again");
        }
        return new KeyWriteResult(slot, true, how, true, "slot " + slot + " written (" + how + "); public key read back from the chip matches " + label
                + (lost.isPresent() ? " (the board's reply to the write was lost; this read-back shows it took effect)" : ""));
    }

    /**
     * Writes {@code data} (whole 32-byte blocks, e.g. a write key) into data slot {@code slot} from
     * block 0: in the clear where the chip takes that, else encrypted with {@code writeKey}. When the
     * chip shows the slot already holds {@code data} (read back, or a MAC with a secret slot's key,
     * after the data lock; with --via rpc over the board's I2C.* service) nothing is sent: a rerun of
     * a script that stopped after this write does not send a write key across the link again (issue 22).
     */
    public KeyWriteResult setData(int slot, SecretBytes data, Optional<SecretBytes> writeKey) {
        Atecc.checkSlot(slot);
        ConfigZone z = atecc.state();
        int wkSlot = KeyPlans.dataRoute(z, slot, data.length(), writeKey.isPresent());
        AteccBackend b = atecc.backend();
        Bytes all = data.bytes();
        LostReply.Found already;
        try {
            already = SlotReadBack.data(atecc, z, slot, all, data.source());
        } catch (ChipStatusException refused) {       // a slot the chip will not read in the clear: write it as before
            already = LostReply.Found.unknown(refused.getMessage());
        }
        if (already.kind() == LostReply.Kind.DONE) {
            return new KeyWriteResult(slot, false, "none", true, "slot " + slot + " already holds the " + data.length() + " bytes of "
                    + data.source() + " (" + already.state() + "); nothing was written");
        }
        Plan plan = KeyPlans.dataWrite(atecc.target(), z, slot, b.via(), wkSlot, data.source(), data.length(), writeKey.map(SecretBytes::source));
        Optional<LostReply.Found> lost = atecc.board().gate().apply(plan, () -> LostReply.guard("the write",
                () -> atecc.chip(ChipOp.WRITE, slot, wkSlot >= 0, () -> {
                    for (int block = 0; block * 32 < all.length(); block++) {
                        Bytes chunk = all.slice(block * 32, block * 32 + 32);
                        if (wkSlot >= 0) b.writeEncrypted(slot, block, chunk, wkSlot, writeKey.get().bytes());
                        else b.writeClear(slot, block, chunk);
                    }
                    return null;
                }),
                () -> SlotReadBack.data(atecc, z, slot, all, data.source()),
                "run the same atca key set again (writing the same bytes again is safe)"));
        String how = wkSlot >= 0 ? "encrypted Write" : "Write in the clear";
        return new KeyWriteResult(slot, true, how, lost.isPresent(), "slot " + slot + " written (" + data.length() + " bytes from " + data.source() + ", " + how + ")"
                + LostReply.note(lost));
    }

    /** GenKey mode 0x04 after the gate: a new private key inside {@code slot}; returns its public key X || Y. */
    public Bytes genKey(int slot) { return generate(slot).publicKey(); }

    /**
     * {@link #genKey} with what the user is told: "generated a new P-256 key in slot N", saying so
     * when the board's reply was lost and the read-back found the new key (design.md 5.7).
     */
    public GeneratedKey generate(int slot) {
        Atecc.checkSlot(slot);
        ConfigZone z = atecc.state();
        KeyPlans.checkGenKey(z, slot);
        ExistingKey existing = existing(z, slot);
        Plan plan = Rehearsed.plan(KeyPlans.genKey(atecc.target(), z, slot, existing), z, Step.genKey(slot));
        Bytes[] made = new Bytes[1];
        Optional<LostReply.Found> lost = atecc.board().gate().apply(plan, () -> LostReply.guard("GenKey",
                () -> made[0] = atecc.chip(ChipOp.GEN_KEY, slot, false, () -> atecc.backend().genKey(slot)),
                () -> SlotReadBack.newKey(atecc, z, slot, existing), "run atca key gen " + slot + " again"));
        Bytes pub = lost.isPresent() ? publicKey(slot) : made[0];
        return new GeneratedKey(slot, pub, "generated a new P-256 key in slot " + slot + LostReply.note(lost));
    }

    /** The public key X || Y of the private key in {@code slot} (GenKey mode 0x00; changes nothing). */
    public Bytes publicKey(int slot) {
        Atecc.checkSlot(slot);
        return atecc.chip(ChipOp.PUBLIC_KEY, slot, false, () -> atecc.backend().publicKey(slot));
    }

    /** Signs the 32-byte {@code digest} with the key in {@code slot}; returns R || S (64 bytes, big-endian). */
    public Bytes sign(int slot, Bytes digest) {
        Atecc.checkSlot(slot);
        if (digest.length() != 32) throw SeshException.badArg("a digest is 32 bytes (SHA-256), not " + digest.length(), "give 64 hex digits, or --file F to hash a file");
        return atecc.chip(ChipOp.SIGN, slot, false, () -> atecc.backend().sign(slot, digest));
    }

    // A refusal of GenKey mode 0 with an execution error means no valid key; anything else is not ours to hide.
    private ExistingKey existing(ConfigZone z, int slot) {
        if (!z.keyConfig(slot).pubInfo()) return ExistingKey.unknown("its PubInfo is 0, so the chip does not give its public key");
        return SlotReadBack.publicKeyNow(atecc, slot).map(ExistingKey::key).orElse(ExistingKey.none());
    }
}
