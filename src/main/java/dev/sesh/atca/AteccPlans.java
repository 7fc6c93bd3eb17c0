package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.config.ConfigDiff;
import dev.sesh.atca.config.ConfigField;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.FieldChange;
import dev.sesh.atca.config.Finding;
import dev.sesh.atca.config.Lint;
import dev.sesh.atca.config.LockState;
import dev.sesh.atca.config.Severity;
import dev.sesh.atca.config.SlotConfig;
import dev.sesh.atca.config.WritePolicy;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The plans of {@link Atecc}'s changes, as pure functions of what was read (style.md rule 2). */
final class AteccPlans {
    private AteccPlans() {}

    /** The config write from {@code current} to {@code wanted}: one change per writable field; empty if none differs. */
    static Optional<Plan> configWrite(Target target, ConfigZone current, ConfigZone wanted, String via) {
        ConfigDiff diff = ConfigDiff.between(current, wanted);
        List<FieldChange> planned = diff.planned();
        if (planned.isEmpty()) return Optional.empty();
        Plan.Builder b = Plan.builder("write the config zone of " + target.describe() + " (reversible until locked)", target);
        for (FieldChange f : planned) {
            if (f.access() == ConfigField.Access.UPDATE_EXTRA) {
                boolean selector = !f.field().equals("UserExtra");
                int value = wanted.get(selector ? ConfigZone.SELECTOR : ConfigZone.USER_EXTRA);
                b.change(Change.ChipCommand.of(Opcode.UPDATE_EXTRA.code(), selector ? 1 : 0, value, 0));
            } else {
                b.change(new Change.ConfigZoneChange(f.where(), f.field(), f.from(), f.to()));
            }
        }
        int skipped = diff.notWritable().size();
        if (skipped > 0) b.note(skipped + " other differences cannot be written and stay as they are (atca config diff FILE lists them)");
        b.note(via.equals("rpc") ? "sent with ATCA.SetConfig (13 Writes and 2 UpdateExtra by the firmware)"
                : "sent as 13 Writes and 2 UpdateExtra by sesh's driver over I2C");
        List<Finding> findings = Lint.run(ConfigZone.of(merged(current, wanted)));
        lintNotes(b, findings);
        if (Lint.count(findings, Severity.ERROR) > 0) b.requirePhrase("write config");
        return Optional.of(b.build());
    }

    /** {@code current} with {@code wanted}'s writable bytes: 16-83, 88-127, and 84/85 (UpdateExtra). */
    static Bytes merged(ConfigZone current, ConfigZone wanted) {
        byte[] out = current.bytes().toArray();
        byte[] w = wanted.bytes().toArray();
        for (int i = 16; i < ConfigZone.SIZE; i++) if (i < 86 || i > 87) out[i] = w[i];
        return Bytes.of(out);
    }

    /** The writable bytes (16-85, 88-127) where {@code after} differs from {@code expected}, in words. */
    static List<String> mismatches(ConfigZone expected, ConfigZone after) {
        List<String> out = new ArrayList<>();
        for (int i = 16; i < ConfigZone.SIZE; i++) {
            if (i == 86 || i == 87) continue;
            if (expected.get(i) != after.get(i)) out.add(String.format("config byte %d: 0x%02X wanted, 0x%02X read back", i, expected.get(i), after.get(i)));
        }
        return out;
    }

    /** The config lock of {@code preview}: with its CRC when the back end can send one, else saying it cannot. */
    static Plan lockConfig(Target target, ConfigZone preview, boolean withCrc) {
        int crc = preview.summaryCrc();
        Plan.Builder b = Plan.builder("LOCK the config zone of " + target.describe() + ". This cannot be undone.", target);
        if (factoryDefault(preview)) {
            b.note("warning: the config zone is still the factory default: no slot is configured (every SlotConfig and "
                    + "KeyConfig is 0), so no slot could ever hold a private key; write your config first: atca config set FILE");
        }
        if (withCrc) {
            b.change(Change.Lock.config(crc));
            b.note(String.format("locks the 128 bytes shown by `atca config show`; CRC 0x%04X goes with the command, "
                    + "so the chip refuses if anything changed since this preview", crc));
        } else {
            b.change(new Change.Lock(Change.LockZone.CONFIG, -1, OptionalInt.empty()));
            b.note(String.format("ATCA.LockZone carries no CRC: right before locking, sesh reads the zone back and "
                    + "compares it with this preview (CRC 0x%04X); --via i2c sends the CRC with the lock", crc));
        }
        b.note("after this, the slot and key configuration can never change");
        lintNotes(b, Lint.run(preview));
        return b.build();
    }

    /** "lint: 0 problems", or the counts and one note per error or warning (design: lint result in the plan notes). */
    static void lintNotes(Plan.Builder b, List<Finding> findings) {
        long info = Lint.count(findings, Severity.INFO);
        b.note("lint: " + lintSummary(findings) + (info > 0 ? " (atca lint lists the info)" : ""));
        for (Finding f : findings) if (f.severity() != Severity.INFO) b.note("  " + f.line());
    }

    /** "0 problems", "1 error, 2 warnings, 1 info". */
    static String lintSummary(List<Finding> findings) {
        if (findings.isEmpty()) return "0 problems";
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = Lint.count(findings, s);
            if (n > 0) parts.add(n + " " + s.word() + (n > 1 && s != Severity.INFO ? "s" : ""));
        }
        return String.join(", ", parts);
    }

    /** True while every slot's SlotConfig and KeyConfig is 0, as on a chip nobody has configured. */
    static boolean factoryDefault(ConfigZone z) {
        for (int slot = 0; slot < 16; slot++) {
            if (z.slotConfig(slot).raw() != 0 || z.keyConfig(slot).raw() != 0) return false;
        }
        return true;
    }

    /** The data lock: without CRC, after a read-back (design.md 1, confirm prompt item 4); names what it makes permanent. */
    static Plan lockData(Target target, ConfigZone zone) {
        Plan.Builder b = Plan.builder("LOCK the data and OTP zones of " + target.describe() + ". This cannot be undone.", target)
                .change(Change.Lock.data(OptionalInt.empty()))
                .note("sent without a CRC: sesh does not know every slot's contents (reference/atecc.md 6); "
                        + "it reads the config zone back first and checks it is locked and unchanged")
                .note("after this, every slot's read and write policy is enforced");
        List<String> neverWritten = new ArrayList<>();
        List<String> neverRead = new ArrayList<>();
        for (int slot = 0; slot < 16; slot++) {
            SlotConfig s = zone.slotConfig(slot);
            boolean key = zone.keyConfig(slot).isPrivate();
            boolean writable = key ? s.genKeyAllowed() || s.privWriteAllowed() : s.writePolicy() != WritePolicy.NEVER;
            if (!writable) neverWritten.add(slot + (key ? " (private key)" : ""));
            if (key || (s.isSecret() && !s.encryptRead())) neverRead.add(slot + (key ? " (private key)" : ""));
        }
        if (!neverWritten.isEmpty()) b.note("never writable after this: slot " + String.join(", ", neverWritten));
        if (!neverRead.isEmpty()) b.note("never readable after this: slot " + String.join(", ", neverRead));
        return b.build();
    }

    /** The lock of one slot. */
    static Plan lockSlot(Target target, int slot) {
        return Plan.builder("LOCK slot " + slot + " of " + target.describe() + ". This cannot be undone.", target)
                .change(Change.Lock.slot(slot))
                .note("the slot can never be written, replaced or regenerated again; it stays usable")
                .build();
    }

    /** A clear write of {@code length} bytes to {@code slot}. */
    static Plan slotWrite(Target target, ConfigZone zone, int slot, int length, String via) {
        Plan.Builder b = Plan.builder("write slot " + slot + " of " + target.describe(), target)
                .change(new Change.SlotWrite(slot, length + " bytes", via.equals("rpc") ? Change.WriteMode.VIA_FIRMWARE : Change.WriteMode.CLEAR, -1, false));
        if (zone.slotConfig(slot).isSecret()) b.note("slot " + slot + " is secret: these bytes cross the serial link in the clear");
        return b.build();
    }

    /**
     * Refuses, before anything is sent, a clear write the chip would refuse or that would put a
     * secret on the link where the config asks for encryption.
     */
    static void checkClearWrite(ConfigZone zone, int slot, int length) {
        int size = Address.slotSize(slot);
        if (length == 0 || length > size || (length % 32 != 0 && length % 32 != 4)) {
            throw SeshException.badArg("slot " + slot + " takes 32-byte blocks (the last may be 4 bytes), up to " + size + " bytes; got " + length,
                    "give the data as hex, e.g. 32 bytes = 64 hex digits");
        }
        LockState locks = zone.lockState();
        SlotConfig s = zone.slotConfig(slot);
        if (zone.keyConfig(slot).isPrivate()) {
            throw SeshException.badArg("slot " + slot + " holds a private key", "use atca key set " + slot + " FILE (PrivWrite) or atca key gen " + slot);
        }
        if (!locks.configLocked()) throw SeshException.failed("data can be written only after the config zone is locked", "atca lock config first");
        if (locks.slotLocked(slot)) throw SeshException.failed("slot " + slot + " is locked: it can never be written again", "choose another slot");
        if (!locks.dataLocked()) {
            if (length % 32 != 0) throw SeshException.badArg("before the data lock the chip takes only 32-byte writes", "pad the data to a multiple of 32 bytes");
            return;
        }
        WritePolicy p = s.writePolicy();
        if (p == WritePolicy.ENCRYPT) {
            throw SeshException.badArg("slot " + slot + " takes only encrypted writes (WriteConfig Encrypt, key " + s.writeKey() + "): sesh will not send its data in the clear",
                    "atca key set " + slot + " FILE --write-key WKFILE encrypts it with the key for slot " + s.writeKey());
        }
        if (p == WritePolicy.NEVER) throw SeshException.failed("slot " + slot + "'s WriteConfig is Never: it cannot be written after the data lock", "atca slot " + slot + " explains its configuration");
        if (s.isSecret() && length % 32 != 0) throw SeshException.badArg("slot " + slot + " is secret: only 32-byte writes are allowed", "pad the data to 32 bytes");
    }

    /** A raw chip command the classifier says changes the chip. */
    static Plan raw(Target target, int opcode, int param1, int param2, int dataLength) {
        return Plan.builder("send a raw chip command to " + target.describe(), target)
                .change(Change.ChipCommand.of(opcode, param1, param2, dataLength))
                .note("sesh does not check what this command does beyond its opcode and mode")
                .build();
    }

    /** The largest answer group {@code opcode} can give (4, 7, 19, 35 or 67 bytes). */
    static int rawResponseLength(int opcode) {
        return Opcode.of(opcode).map(op -> switch (op) {
            case READ, NONCE, RANDOM, MAC, HMAC, SHA -> 35;
            case INFO, COUNTER -> 7;
            case AES -> 19;
            case GENKEY, SIGN, ECDH, KDF, SECURE_BOOT -> 67;
            default -> 4;
        }).orElse(67);
    }
}
