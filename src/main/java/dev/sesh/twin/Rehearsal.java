package dev.sesh.twin;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Counter;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Read;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.KeyConfig;
import dev.sesh.atca.config.SlotConfig;
import dev.sesh.atca.config.WritePolicy;
import dev.sesh.atca.driver.AtcaException;
import dev.sesh.atca.driver.ChipOps;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rehearses an irreversible step on a twin of the chip in memory (issue 23): the config zone the
 * plan already read is loaded into the chip model, the step is applied there, and then every use
 * the slots may be put to is tried: sign, ECDH, GenKey and encrypted PrivWrite on private key
 * slots; on the others read, the write their WriteConfig selects (encrypted with the slot's write
 * key, or in the clear) and MAC on secret slots; the monotonic counters. A config lock is followed, as provisioning goes, by filling each slot
 * before the data lock (GenKey, clear writes) and the data lock itself, so the uses are those of
 * the finished chip. Each refusal names the chip model's rule and the config bits behind it.
 * Costs no board traffic; unread slots hold fresh random values, never the board's secrets.
 */
public final class Rehearsal {
    // The P-256 base point: a valid public key for ECDH on every chip.
    private static final Bytes P256_G = Bytes.ofHex("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
            + "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5");

    /** One use tried on the twin: {@code slot} (-1: the chip), what, and why it was refused ("" when it worked). */
    public record Use(int slot, String what, boolean ok, String why) {
        /** "sign ok", or "encrypted PrivWrite with slot 4 refused (WriteConfig of slot 0 forbids PrivWrite; WriteConfig=0x2 ...)". */
        public String text() { return ok ? what + " ok" : what + " refused (" + why + ")"; }
    }

    /**
     * What the rehearsal found: whether the step itself went through on the twin ({@code stepRefusal}
     * empty), what had to be done first to reach a finished chip, and the uses after it.
     */
    public record Result(Step step, Optional<String> stepRefusal, boolean withDataLock, List<Use> before, List<Use> uses) {
        public Result {
            before = List.copyOf(before);
            uses = List.copyOf(uses);
        }

        /** The uses that were refused (also those before the data lock). */
        public List<Use> refused() {
            List<Use> out = new ArrayList<>();
            for (Use u : before) if (!u.ok()) out.add(u);
            for (Use u : uses) if (!u.ok()) out.add(u);
            return out;
        }

        /** The plan's note lines: a header, then one line per run of slots whose uses came out alike. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            String head = "rehearsed on a twin of this chip (in memory; nothing sent)";
            if (stepRefusal.isPresent()) {
                out.add("warning: " + head + ": " + step.words() + " is refused there too: " + stepRefusal.get());
                return out;
            }
            long bad = refused().size();
            out.add(head + ", after " + step.words() + (withDataLock ? " and `atca lock data`" : "") + ": "
                    + (bad == 0 ? "every use tried works" : bad + (bad == 1 ? " use is" : " uses are") + " refused, each with the config bits that decide it"));
            List<Use> failedBefore = before.stream().filter(u -> !u.ok()).toList();
            for (Use u : failedBefore) out.add("  before the data lock: slot " + u.slot() + " " + u.text());
            int i = 0;
            while (i < uses.size()) {
                int slot = uses.get(i).slot();
                List<String> texts = textsOf(slot, i);
                int j = i + texts.size();
                int last = slot;
                while (slot >= 0 && j < uses.size() && uses.get(j).slot() == last + 1 && textsOf(last + 1, j).equals(texts)) {
                    last++;
                    j += texts.size();
                }
                String who = slot < 0 ? "chip" : slot == last ? "slot " + slot : "slots " + slot + "-" + last;
                out.add("  " + who + ": " + String.join(", ", texts));
                i = j;
            }
            return out;
        }

        private List<String> textsOf(int slot, int from) {
            List<String> texts = new ArrayList<>();
            for (int k = from; k < uses.size() && uses.get(k).slot() == slot; k++) texts.add(uses.get(k).text());
            return texts;
        }
    }

    private final ChipTwin twin;
    private final SecureRandom random;

    private Rehearsal(ChipTwin twin) {
        this.twin = twin;
        this.random = twin.random();
    }

    /** Rehearses {@code step} on a twin of a {@code variant} chip whose config zone reads {@code config} (128 bytes). */
    public static Result run(Variant variant, Bytes config, Step step) { return run(variant, config, step, new SecureRandom()); }

    /** As {@link #run(Variant, Bytes, Step)} with the twin's random numbers from {@code random}. */
    public static Result run(Variant variant, Bytes config, Step step, SecureRandom random) {
        return new Rehearsal(ChipTwin.of(variant, config, random)).rehearse(step);
    }

    private Result rehearse(Step step) {
        Optional<String> refused = attempt(() -> apply(step), "");
        if (refused.isPresent()) return new Result(step, refused, false, List.of(), List.of());
        List<Use> before = new ArrayList<>();
        if (step.kind() == Step.Kind.LOCK_CONFIG) for (int n = 0; n < 16; n++) before.add(fill(n));
        boolean withDataLock = false;
        if (twin.memory().configLocked() && !twin.memory().dataLocked()) {
            Optional<String> data = attempt(() -> ops().lockZone(1), "");
            if (data.isPresent()) {
                before.add(new Use(-1, "data lock", false, data.get()));
                return new Result(step, Optional.empty(), false, before, List.of());
            }
            withDataLock = true;
        }
        List<Use> uses = new ArrayList<>();
        if (step.slot() >= 0) {
            uses.addAll(usesOf(step.slot()));
        } else {
            for (int n = 0; n < 16; n++) uses.addAll(usesOf(n));
            for (int id = 0; id < 2; id++) {
                int counter = id;
                uses.add(use(-1, "counter " + id + " increment", () -> ops().driver().execute(new Counter(1, counter), 7), ""));
            }
        }
        return new Result(step, Optional.empty(), withDataLock, before, uses);
    }

    private void apply(Step step) {
        ChipOps ops = ops();
        int n = step.slot();
        switch (step.kind()) {
            case LOCK_CONFIG -> ops.lockZone(0);
            case LOCK_DATA -> ops.lockZone(1);
            case LOCK_SLOT -> ops.lock(Lock.slot(n));
            case GENKEY -> ops.genKey(n);
            case PRIV_WRITE -> {
                int wk = zone().slotConfig(n).writeKey();
                ops.privWrite(n, ChipTwin.scalar(random), wk, twin.memory().dataLocked() ? Optional.of(twin.key(wk)) : Optional.empty());
            }
        }
    }

    // What provisioning puts in slot n before the data lock: a key made inside the chip, or data written in the clear.
    private Use fill(int n) {
        KeyConfig kc = zone().keyConfig(n);
        if (kc.isP256Private()) return use(n, "GenKey", () -> ops().genKey(n), writeBits(n, "bit 1 = GenKey"));
        if (kc.isPrivate()) return new Use(n, "fill", true, "");
        return use(n, "clear write", () -> ops().writeClear(n, 0, ChipTwin.randomBytes(32, random)), "");
    }

    private List<Use> usesOf(int n) {
        ConfigZone z = zone();
        SlotConfig sc = z.slotConfig(n);
        KeyConfig kc = z.keyConfig(n);
        int wk = sc.writeKey();
        List<Use> out = new ArrayList<>();
        if (kc.isPrivate()) {
            String key = "Private=1, KeyType=" + kc.keyType() + ", IsSecret=" + bit(sc.isSecret());
            out.add(use(n, "sign", () -> ops().sign(n, ChipTwin.randomBytes(32, random)),
                    "ExtSignEnable=" + bit(sc.extSignEnable()) + ", " + key + (sc.limitedUse() ? ", LimitedUse=1" : "")));
            out.add(use(n, "ECDH", () -> ops().ecdh(n, P256_G), "ECDHEnable=" + bit(sc.ecdhEnable()) + ", " + key));
            out.add(use(n, "GenKey", () -> ops().genKey(n), writeBits(n, "bit 1 = GenKey")));
            out.add(use(n, "encrypted PrivWrite with slot " + wk,
                    () -> ops().privWrite(n, ChipTwin.scalar(random), wk, Optional.of(twin.key(wk))), writeBits(n, "bit 2 = encrypted PrivWrite") + ", WriteKey=" + wk));
            return out;
        }
        out.add(use(n, "read", () -> ops().driver().execute(new Read(Address.data(n, 0, 0), true), 35),
                "IsSecret=" + bit(sc.isSecret()) + ", EncryptRead=" + bit(sc.encryptRead())));
        // The write the slot's WriteConfig selects: encrypted with its write key, else in the clear (Never: refused, named).
        if (WritePolicy.of(sc.writeConfig()) == WritePolicy.ENCRYPT) {
            out.add(use(n, "encrypted write with slot " + wk,
                    () -> ops().writeEncrypted(n, 0, ChipTwin.randomBytes(32, random), wk, twin.key(wk)), writeBits(n, "Encrypt") + ", WriteKey=" + wk));
        } else {
            out.add(use(n, "clear write", () -> ops().writeClear(n, 0, ChipTwin.randomBytes(32, random)), writeBits(n, WritePolicy.of(sc.writeConfig()).label())));
        }
        if (sc.isSecret()) out.add(use(n, "MAC", () -> ops().mac(n, ChipTwin.randomBytes(32, random)), "NoMac=" + bit(sc.noMac())));
        return out;
    }

    private String writeBits(int n, String meaning) {
        return String.format("WriteConfig=0x%X (%s)", zone().slotConfig(n).writeConfig() & 15, meaning);
    }

    private Use use(int slot, String what, Runnable action, String bits) {
        Optional<String> why = attempt(action, bits);
        return new Use(slot, what, why.isEmpty(), why.orElse(""));
    }

    // Empty if the chip did it; else the chip model's rule and the config bits that decide it.
    private Optional<String> attempt(Runnable action, String bits) {
        try {
            action.run();
            return Optional.empty();
        } catch (AtcaException e) {
            String rule = e.chipStatus().isPresent() && !twin.lastRefusal().isEmpty() ? twin.lastRefusal() : e.getMessage();
            return Optional.of(bits.isEmpty() ? rule : rule + "; " + bits);
        }
    }

    private ChipOps ops() { return twin.ops(); }

    private ConfigZone zone() { return twin.zone(); }

    private static int bit(boolean b) { return b ? 1 : 0; }
}
