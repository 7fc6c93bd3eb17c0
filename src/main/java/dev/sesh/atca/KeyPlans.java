package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.KeyConfig;
import dev.sesh.atca.config.LockState;
import dev.sesh.atca.config.SlotConfig;
import dev.sesh.atca.config.WritePolicy;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;

import java.util.Optional;

/**
 * The checks and plans of {@link AteccKeys}: pure functions of the config zone that was read
 * (reference/atecc.md 7, 8.1, mos-rpc.md 5.2 atca-set-key; design.md 5.9, 5.11). A check that
 * fails throws before anything is sent: exit 2 when the command line lacks something (a write
 * key), exit 1 when the chip's state forbids the write. Write-key slots are returned as numbers,
 * -1 meaning a clear write.
 */
final class KeyPlans {
    private KeyPlans() {}

    /**
     * The write-key slot for a PrivWrite into {@code slot}, or -1 for a clear PrivWrite (the data
     * zone is open: mos writes in the clear then, and so does sesh).
     */
    static int privateKeyRoute(ConfigZone z, int slot, boolean haveWriteKey) {
        LockState l = z.lockState();
        KeyConfig k = z.keyConfig(slot);
        SlotConfig s = z.slotConfig(slot);
        if (!k.isP256Private()) throw SeshException.badArg("slot " + slot + " is not a P-256 private key slot (KeyConfig)", "atca slots lists the private key slots");
        configLocked(l, "keys");
        if (!s.isSecret()) throw SeshException.failed("slot " + slot + " is not secret (IsSecret 0): the chip refuses PrivWrite there", "atca slot " + slot + " explains its configuration");
        if (l.slotLocked(slot)) throw SeshException.failed("slot " + slot + " is locked: its key can never be replaced", "choose another private key slot (atca slots)");
        if (!l.dataLocked()) return -1;
        if (!s.privWriteAllowed()) {
            throw SeshException.failed("the data zone is locked and slot " + slot + "'s WriteConfig does not allow an encrypted PrivWrite: its key cannot be set",
                    s.genKeyAllowed() ? "atca key gen " + slot + " makes a new key inside the chip" : "atca slot " + slot + " explains its configuration");
        }
        if (!haveWriteKey) {
            throw SeshException.badArg("slot " + slot + " takes only an encrypted PrivWrite now that the data zone is locked",
                    "add --write-key FILE with the key held in slot " + s.writeKey());
        }
        return s.writeKey();
    }

    /** The write-key slot for writing {@code length} bytes of key data into data slot {@code slot}, or -1 for clear writes. */
    static int dataRoute(ConfigZone z, int slot, int length, boolean haveWriteKey) {
        int size = Address.slotSize(slot);
        if (length == 0 || length % 32 != 0 || length > size) {
            throw SeshException.badArg("slot " + slot + " takes whole 32-byte blocks, up to " + size + " bytes; the file holds " + length,
                    "a key for a data slot is 32 bytes: the 64 hex digits of openssl rand -hex 32, written to a new file");
        }
        LockState l = z.lockState();
        configLocked(l, "data");
        if (z.keyConfig(slot).isPrivate()) throw SeshException.badArg("slot " + slot + " holds a private key of a type sesh cannot import", "atca slot " + slot + " explains its configuration");
        if (l.slotLocked(slot)) throw SeshException.failed("slot " + slot + " is locked: it can never be written again", "choose another slot (atca slots)");
        if (!l.dataLocked()) return -1;
        SlotConfig s = z.slotConfig(slot);
        WritePolicy p = s.writePolicy();
        if (p == WritePolicy.NEVER) throw SeshException.failed("slot " + slot + "'s WriteConfig is Never: it cannot be written after the data lock", "atca slot " + slot + " explains its configuration");
        if (p != WritePolicy.ENCRYPT) return -1;
        if (!haveWriteKey) {
            throw SeshException.badArg("slot " + slot + " takes only encrypted writes now that the data zone is locked",
                    "add --write-key FILE with the key held in slot " + s.writeKey());
        }
        return s.writeKey();
    }

    /** Refuses GenKey where the chip would, before anything is sent. */
    static void checkGenKey(ConfigZone z, int slot) {
        LockState l = z.lockState();
        SlotConfig s = z.slotConfig(slot);
        if (!z.keyConfig(slot).isP256Private() || !s.isSecret()) {
            throw SeshException.badArg("slot " + slot + " is not a secret P-256 private key slot: GenKey works only there", "atca slots lists the private key slots");
        }
        configLocked(l, "keys");
        if (l.slotLocked(slot)) throw SeshException.failed("slot " + slot + " is locked: its key can never be replaced", "choose another private key slot (atca slots)");
        if (l.dataLocked() && !s.genKeyAllowed()) {
            throw SeshException.failed("slot " + slot + "'s WriteConfig does not allow GenKey after the data lock",
                    s.privWriteAllowed() ? "atca key set " + slot + " FILE --write-key WKFILE imports a key instead" : "atca slot " + slot + " explains its configuration");
        }
    }

    private static void configLocked(LockState l, String what) {
        if (!l.configLocked()) throw SeshException.failed(what + " can be written only after the config zone is locked", "atca config set FILE, then atca lock config");
    }

    /** The plan of a PrivWrite; {@code keyLine} names the key file and its public key, never its bytes. */
    static Plan privateKeyWrite(Target t, ConfigZone z, int slot, Via via, int wkSlot, String keyLine,
                                Optional<String> writeKeySource, ExistingKey existing) {
        boolean encrypted = wkSlot >= 0;
        String how = encrypted ? "encrypted PrivWrite, authorised by slot " + wkSlot : "PrivWrite in the clear: the data zone is open";
        Change.WriteMode mode = via == Via.RPC ? Change.WriteMode.VIA_FIRMWARE : encrypted ? Change.WriteMode.ENCRYPTED_ON_HOST : Change.WriteMode.CLEAR;
        Plan.Builder b = Plan.builder("write a P-256 private key into slot " + slot + " of " + t.describe() + " (" + how + ")", t)
                .change(new Change.SlotWrite(slot, "a P-256 private key", mode, wkSlot, existing.mayBeKey()))
                .note(chipLine(z, slot, "P-256 private key slot"))
                .note("key: " + keyLine);
        writeKeySource.ifPresent(w -> b.note(writeKeyNote(w, wkSlot, via)));
        if (!encrypted) b.note("the private key crosses the serial link in the clear, as mos sends it while the data zone is open");
        return b.note(existing.note(slot)).build();
    }

    /** The plan of writing {@code length} bytes from {@code source} into data slot {@code slot}. */
    static Plan dataWrite(Target t, ConfigZone z, int slot, Via via, int wkSlot, String source, int length, Optional<String> writeKeySource) {
        boolean encrypted = wkSlot >= 0;
        Change.WriteMode mode = via == Via.RPC ? Change.WriteMode.VIA_FIRMWARE : encrypted ? Change.WriteMode.ENCRYPTED_ON_HOST : Change.WriteMode.CLEAR;
        String how = encrypted ? "encrypted Write, authorised by slot " + wkSlot : "Write in the clear";
        Plan.Builder b = Plan.builder("write " + length + " bytes from " + source + " into slot " + slot + " of " + t.describe() + " (" + how + ")", t)
                .change(new Change.SlotWrite(slot, length + " bytes of " + source, mode, wkSlot, false))
                .note(chipLine(z, slot, z.slotConfig(slot).isSecret() ? "secret data slot" : "data slot"));
        writeKeySource.ifPresent(w -> b.note(writeKeyNote(w, wkSlot, via)));
        if (!encrypted) {
            String why = z.lockState().dataLocked() ? "slot " + slot + "'s WriteConfig takes clear writes" : "the data zone is open";
            b.note("the " + length + " bytes of " + source + " cross the serial link in the clear (" + why + ")");
        }
        return b.build();
    }

    /** The plan of GenKey (mode 0x04) in {@code slot}. */
    static Plan genKey(Target t, ConfigZone z, int slot, ExistingKey existing) {
        return Plan.builder("generate a new P-256 private key inside slot " + slot + " of " + t.describe() + " (GenKey)", t)
                .change(new Change.KeyGen(slot, existing.mayBeKey()))
                .note(chipLine(z, slot, "P-256 private key slot"))
                .note("the private key is made by the chip and never leaves it; its public key comes back")
                .note(existing.note(slot))
                .build();
    }

    private static String writeKeyNote(String source, int wkSlot, Via via) {
        if (wkSlot < 0) return "write key: " + source + " is not needed for a clear write and is not used";
        if (via == Via.RPC) return "write key: " + source + " (sent to the board: ATCA.SetKey encrypts there; --via i2c keeps it on this computer)";
        return "write key: " + source + " (never sent: sesh computes the encryption and MAC here)";
    }

    /** Like mos's summary: the zone locks and the slot's kind. */
    static String chipLine(ConfigZone z, int slot, String kind) {
        LockState l = z.lockState();
        return "chip: config " + LockState.words(l.configLocked()) + ", data " + LockState.words(l.dataLocked())
                + "; slot " + slot + " is a " + kind + " (WriteConfig " + WritePolicy.describe(z.slotConfig(slot).writeConfig())
                + ", write key " + z.slotConfig(slot).writeKey() + ")";
    }
}
