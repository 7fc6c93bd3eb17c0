package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.Finding;
import dev.sesh.atca.config.Lint;
import dev.sesh.atca.config.SlotDescription;
import dev.sesh.atca.config.LockState;
import dev.sesh.atca.driver.DriverOptions;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.Board;
import dev.sesh.plan.ChangeClassifier;
import dev.sesh.plan.Effect;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;
import dev.sesh.twin.Step;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ATECC508A/608A on one board: the {@code atca} object of scripts and what the {@code atca}
 * commands call (issue 7, design.md 2). It picks a back end ({@link Via}): the one asked for, else
 * the host driver when I2C.Scan finds the chip, else the board's ATCA.* service. Every change is
 * a {@link Plan} that goes through the board's gate first; irreversible ones (locks) name the
 * chip's serial in their typed phrase (design.md 5.10). Chip refusals are
 * {@link ChipStatusException}s explained from the slot's configuration.
 *
 * <p>Slots are 0-15; data is {@link Bytes} in the chip's byte order; the serial is SN[0..8].
 * Nothing here prints or logs key bytes.
 */
public final class Atecc {
    private final Board board;
    private final Optional<Via> requested;
    private final int address;
    private AteccBackend backend;
    private AteccBackend checker;
    private String reason = "";
    private volatile ConfigZone cached;
    private volatile long cachedEpoch;
    private volatile AteccBackend.Identity identity;
    private final List<Consumer<ChipStatus>> listeners = new CopyOnWriteArrayList<>();

    /**
     * The chip at the board's chip address (sys.atca.i2c_addr, 0x60); {@code via} empty lets
     * sesh choose at first use. Sends nothing yet.
     */
    public Atecc(Board board, Optional<Via> via) {
        this.board = board;
        this.requested = via;
        this.address = board.i2c().chipAddress();
    }

    /** The back end in use, chosen at the first call (may run I2C.Scan). */
    public synchronized AteccBackend backend() {
        if (backend != null) return backend;
        if (requested.isPresent()) {
            backend = make(requested.get());
            reason = "asked for with --via " + requested.get().word();
            return backend;
        }
        try {
            List<Integer> found = board.i2c().scan();
            boolean there = found.contains(address);
            backend = make(there ? Via.I2C : Via.RPC);
            reason = there ? String.format("I2C.Scan found the chip at 0x%02x", address)
                    : String.format("I2C.Scan did not find the chip at 0x%02x", address);
        } catch (SeshException e) {
            backend = make(Via.RPC);
            reason = "I2C.Scan failed (" + e.getMessage() + ")";
        }
        return backend;
    }

    private AteccBackend make(Via via) { return via == Via.I2C ? new HostI2cBackend(board, address) : new RpcAtcaBackend(board); }

    /**
     * The back end that checks what a slot holds (Read, MAC): the one in use, or with the ATCA.*
     * service (which has neither) sesh's own driver over the board's I2C.* service, idling the chip
     * after each command so the firmware's next call finds it as the firmware leaves it. Checks
     * only read: a key never crosses the link for them (issue 22).
     */
    synchronized AteccBackend checker() {
        AteccBackend b = backend();
        if (b.via() == Via.I2C) return b;
        if (checker == null) checker = new HostI2cBackend(board, address, DriverOptions.host());
        return checker;
    }

    /** "rpc" or "i2c". */
    public String via() { return backend().via().word(); }

    /** Why that back end: "asked for with --via rpc", "I2C.Scan found the chip at 0x60", ... */
    public synchronized String viaReason() {
        backend();
        return reason;
    }

    /** The 7-bit I2C address sesh talks to the chip at. */
    public int address() { return address; }

    /** The board this chip sits on. */
    public Board board() { return board; }

    /**
     * Reads the config zone now (ATCA.GetConfig or four Reads), remembers it for the prompt and
     * tells the status listeners.
     */
    public ConfigZone config() {
        long epoch = board.chipEpoch();
        return remember(ConfigZone.of(backend().readConfig()), epoch);
    }

    /**
     * The config zone as this session knows it: read once, then kept current by the changes sesh
     * makes through this object (a config write is read back; a lock the chip accepted sets its lock
     * byte). Read again when any other change went to the board since ({@code call}, {@code i2c
     * write}, {@code atca raw}). For plans and previews; verifications read with {@link #config()}.
     */
    public ConfigZone state() {
        ConfigZone z = cached;
        if (z != null && cachedEpoch == board.chipEpoch()) return z;
        return config();
    }

    private ConfigZone remember(ConfigZone z, long epoch) {
        cached = z;
        cachedEpoch = epoch;
        ChipStatus s = status(z);
        for (Consumer<ChipStatus> l : listeners) l.accept(s);
        return z;
    }

    /** Called with the chip and its locks after every read of the config zone (the prompt listens). */
    public void addStatusListener(Consumer<ChipStatus> listener) { listeners.add(listener); }

    /** The zone last read, without asking the chip (for the prompt). */
    public Optional<ConfigZone> cachedConfig() { return Optional.ofNullable(cached); }

    /** The zone locks, as this session knows them ({@link #state()}). */
    public LockState locks() { return state().lockState(); }

    /** Chip type, serial, locks, address and back end; reads the chip once per session (Info on the host driver). */
    public ChipInfo info() {
        ConfigZone z = state();
        AteccBackend.Identity id = identity(z);
        return new ChipInfo(chipName(id), id.revision(), id.source(), z.serialNumber().hex(), z.lockState().configLocked(),
                z.lockState().dataLocked(), address, via(), viaReason());
    }

    /** The chip and its locks from what was last read; empty before the first read. Never asks the board. */
    public Optional<ChipStatus> lastStatus() {
        ConfigZone z = cached;
        if (z == null) return Optional.empty();
        AteccBackend.Identity id = identity;
        return Optional.of(new ChipStatus(id != null ? chipName(id) : z.variant().name(), z.lockState().configLocked(), z.lockState().dataLocked()));
    }

    private ChipStatus status(ConfigZone z) {
        return new ChipStatus(chipName(identity(z)), z.lockState().configLocked(), z.lockState().dataLocked());
    }

    /** Which chip a plan changes: the board with this chip's name and serial (for the typed phrase). */
    public Target target() {
        ConfigZone z = cached != null ? cached : state();
        return board.target().withChip(chipName(identity(z)), z.serialNumber());
    }

    private synchronized AteccBackend.Identity identity(ConfigZone z) {
        if (identity == null) identity = backend().identify(z.bytes());
        return identity;
    }

    private static String chipName(AteccBackend.Identity id) { return id.variant().name(); }

    /** The chip's variant as the back end identified it, for a chip whose config zone reads {@code z}. */
    dev.sesh.atca.packet.Variant variant(ConfigZone z) { return identity(z).variant(); }

    /**
     * Writes a twin of this board into folder {@code dir} (issue 23): a simulated board that
     * {@code sim:DIR} opens, with this chip's config zone, locks and readable slots, fresh random
     * values in the slots that cannot be read (listed in its twin.txt), and the board's files and
     * saved config. Reads only. Refused, with nothing read, when {@code dir} already holds anything.
     */
    public TwinMade twin(String dir) { return twin(java.nio.file.Path.of(dir), false); }

    /** As {@link #twin(String)}; {@code replace}: the user agreed to replace what {@code dir} holds. */
    public TwinMade twin(java.nio.file.Path dir, boolean replace) { return BoardTwin.write(this, dir, replace); }

    /** Every slot as {@code atca slots} lists it, from the config zone as this session knows it. */
    public List<SlotInfo> slots() {
        ConfigZone z = state();
        List<SlotInfo> out = new java.util.ArrayList<>();
        for (int n = 0; n < 16; n++) out.add(slotInfo(z, n));
        return out;
    }

    /** {@link #slots()}, for Groovy's property syntax ({@code atca.slots[0].keyConfig.private}). */
    public List<SlotInfo> getSlots() { return slots(); }

    /** Slot {@code n} with every SlotConfig/KeyConfig bit explained in sentences (608 names on a 608). */
    public String describeSlot(int n) {
        checkSlot(n);
        return SlotDescription.paragraph(state(), n);
    }

    static SlotInfo slotInfo(ConfigZone z, int n) {
        return new SlotInfo(n, SlotDescription.size(n), SlotDescription.keyKind(z, n), z.keyConfig(n).isPrivate(), z.slotConfig(n).isSecret(),
                SlotDescription.read(z, n), SlotDescription.write(z, n), SlotDescription.lock(z, n), z.slotConfig(n), z.keyConfig(n));
    }

    /** Lint of the zone the chip holds now (rules that only apply before a write are skipped). */
    public List<Finding> lint() { return Lint.runOnChip(state()); }

    /** Lint of a zone about to be written, e.g. a file for {@code atca config set}; does not touch the chip. */
    public List<Finding> lint(ConfigZone planned) { return Lint.run(planned); }

    // ---- changes ----

    /**
     * The summary CRC this chip's config zone will have once {@code wanted} is written: the chip's
     * own serial, revision and lock bytes with {@code wanted}'s writable bytes (what a config lock
     * plan carries, so a batch can show it before anything is written).
     */
    public int configCrcAfter(ConfigZone wanted) {
        Bytes now = state().bytes();
        Bytes w = wanted.bytes();
        return ConfigZone.of(now.slice(0, 16).concat(w.slice(16, 84)).concat(now.slice(84, 88)).concat(w.slice(88, 128))).summaryCrc();
    }

    /** Writes the config zone {@code file} describes ({@code atca config set FILE}); see {@link #setConfig(ConfigZone)}. */
    public ConfigWriteResult setConfig(String file) { return setConfig(configFile(file)); }

    /** The config zone a file describes (mos's YAML or JSON, or hex, by extension), as {@code atca config set FILE} reads it. */
    public ConfigZone configFile(String file) { return dev.sesh.atca.config.ConfigCodec.readFile(file); }

    /**
     * Writes {@code wanted}'s bytes 16-83 and 88-127 (and UserExtra/Selector by UpdateExtra where
     * they differ) after the gate approves the field diff, then reads the zone back and compares.
     * Refused, with nothing sent, when the config zone is locked.
     */
    public ConfigWriteResult setConfig(ConfigZone wanted) {
        ConfigZone current = state();
        if (current.lockState().configLocked()) {
            throw SeshException.failed("the config zone of " + target().describe() + " is locked: it can never be written again",
                    "atca config diff FILE shows how the chip differs from the file");
        }
        Optional<Plan> plan = AteccPlans.configWrite(target(), current, wanted, via());
        if (plan.isEmpty()) return new ConfigWriteResult(0, true, List.of());
        Bytes toWrite = AteccPlans.merged(current, wanted);
        Optional<LostReply.Found> lost = board.gate().apply(plan.get(), () -> LostReply.guard("the config write",
                () -> chip(ChipOp.WRITE_CONFIG, -1, false, () -> {
                    backend().writeConfig(toWrite);
                    return null;
                }),
                () -> configReadBack(current, ConfigZone.of(toWrite)), "run atca config set FILE again: it writes only what still differs"));
        ConfigZone after = config();
        List<String> mismatches = AteccPlans.mismatches(ConfigZone.of(toWrite), after);
        return new ConfigWriteResult(plan.get().changes().size(), mismatches.isEmpty(), mismatches, LostReply.note(lost));
    }

    // After a lost reply of a config write (13 Writes and 2 UpdateExtra): all, none or some of it is on the chip.
    private LostReply.Found configReadBack(ConfigZone before, ConfigZone wanted) {
        ConfigZone now = config();
        int left = AteccPlans.mismatches(wanted, now).size();
        if (left == 0) return LostReply.Found.done("the config zone reads back as written");
        if (AteccPlans.mismatches(before, now).isEmpty()) return LostReply.Found.notDone("the config zone is unchanged, nothing was written");
        return LostReply.Found.notDone("the config zone is partly written, " + left + " bytes still differ (atca config diff FILE lists them)");
    }

    /**
     * Locks the config zone (irreversible; typed phrase {@code lock config} plus SN[6..7] in hex, e.g. {@code lock config f378}). On the host
     * driver the Lock carries the CRC of the zone shown in the plan, so the chip refuses if it
     * changed; over ATCA.LockZone (no CRC) sesh reads the zone back and compares it with the
     * preview right before locking, and the plan says so. Already locked: reported, nothing sent.
     */
    public LockResult lockConfig() {
        ConfigZone preview = state();
        if (preview.lockState().configLocked()) return LockResult.already("config zone");
        int crc = preview.summaryCrc();
        AteccBackend b = backend();
        Plan plan = Rehearsed.plan(AteccPlans.lockConfig(target(), preview, b.locksWithCrc()), preview, Step.lockConfig());
        Optional<LostReply.Found> lost = board.gate().apply(plan, () -> LostReply.guard("the config lock", () -> b.session(() -> {
            if (!b.locksWithCrc()) {
                ConfigZone now = ConfigZone.of(b.readConfig());
                if (!now.equals(preview)) {
                    throw SeshException.failed("the config zone changed since the preview: nothing was locked",
                            "run atca config show, then atca lock config again");
                }
            }
            return chip(ChipOp.LOCK_CONFIG, -1, false, () -> {
                b.lockConfig(crc);
                return null;
            });
        }), () -> lockReadBack("config zone", "LockConfig", z -> z.lockState().configLocked()), "run atca lock config again (an already locked zone is reported as done)"));
        // The chip answered success to a Lock of exactly the previewed zone (its CRC, or the read-back
        // right before it): LockConfig now reads 0x00. A lost reply's read-back has read it already.
        if (lost.isEmpty()) lockedNow(preview, true, preview.lockState().dataLocked());
        else if (!config().lockState().configLocked()) throw SeshException.failed("the chip accepted the config lock but its LockConfig byte still reads unlocked", "run atca info");
        String how = b.locksWithCrc() ? String.format("CRC 0x%04X accepted by the chip", crc)
                : String.format("read back matched the preview, CRC 0x%04X; ATCA.LockZone carries no CRC", crc);
        return new LockResult("config zone", false, b.locksWithCrc() ? OptionalInt.of(crc) : OptionalInt.empty(), "config zone locked (" + how + ")" + LostReply.note(lost));
    }

    // After a lost reply of a Lock: the lock byte decides (the chip locks with a matching CRC or not at all).
    private LostReply.Found lockReadBack(String what, String lockByte, Predicate<ConfigZone> locked) {
        return locked.test(config()) ? LostReply.Found.done(lockByte + " reads locked")
                : LostReply.Found.notDone("the " + what + " is still unlocked, nothing was locked");
    }

    /**
     * Locks the data and OTP zones (irreversible; {@code lock data} plus SN[6..7], e.g. {@code lock data f378}). sesh does not know every
     * slot's contents, so the Lock carries no CRC; before it the config zone is read back to check
     * it is locked and unchanged. Already locked: reported, nothing sent.
     */
    public LockResult lockData() {
        ConfigZone preview = state();
        if (preview.lockState().dataLocked()) return LockResult.already("data zone");
        if (!preview.lockState().configLocked()) {
            throw SeshException.failed("the data zone can be locked only after the config zone", "atca lock config first");
        }
        AteccBackend b = backend();
        Optional<LostReply.Found> lost = board.gate().apply(Rehearsed.plan(AteccPlans.lockData(target(), preview), preview, Step.lockData()), () -> LostReply.guard("the data lock", () -> b.session(() -> {
            ConfigZone now = ConfigZone.of(b.readConfig());
            if (!now.equals(preview)) throw SeshException.failed("the config zone changed since the preview: nothing was locked", "run atca info, then lock again");
            return chip(ChipOp.LOCK_DATA, -1, false, () -> {
                b.lockData(OptionalInt.empty());
                return null;
            });
        }), () -> lockReadBack("data zone", "LockValue", z -> z.lockState().dataLocked()), "run atca lock data again (an already locked zone is reported as done)"));
        if (lost.isEmpty()) lockedNow(preview, preview.lockState().configLocked(), true);
        else if (!config().lockState().dataLocked()) throw SeshException.failed("the chip accepted the data lock but its LockValue byte still reads unlocked", "run atca info");
        return new LockResult("data zone", false, OptionalInt.empty(), "data zone locked (sent without CRC after the read-back)" + LostReply.note(lost));
    }

    // What the chip holds after a Lock it accepted: the zone as previewed, with its lock bytes set.
    private void lockedNow(ConfigZone preview, boolean config, boolean data) {
        remember(preview.withLocks(config, data), board.chipEpoch());
    }

    /** Locks slot {@code slot} (irreversible; {@code lock slot N} plus SN[6..7]); host driver only. */
    public LockResult lockSlot(int slot) {
        checkSlot(slot);
        ConfigZone preview = state();
        if (preview.lockState().slotLocked(slot)) return LockResult.already("slot " + slot);
        AteccBackend b = backend();
        if (b instanceof RpcAtcaBackend) b.lockSlot(slot);      // says why it cannot, before any plan
        Optional<LostReply.Found> lost = board.gate().apply(Rehearsed.plan(AteccPlans.lockSlot(target(), slot), preview, Step.lockSlot(slot)), () -> LostReply.guard("the slot lock",
                () -> chip(ChipOp.LOCK_SLOT, slot, false, () -> {
                    b.lockSlot(slot);
                    return null;
                }),
                () -> lockReadBack("slot " + slot, "SlotLocked bit " + slot, z -> z.lockState().slotLocked(slot)),
                "run atca lock slot " + slot + " again (an already locked slot is reported as done)"));
        if (!config().lockState().slotLocked(slot)) throw SeshException.failed("the chip accepted the slot lock but SlotLocked bit " + slot + " still reads unlocked", "run atca slots");
        return new LockResult("slot " + slot, false, OptionalInt.empty(), "slot " + slot + " locked" + LostReply.note(lost));
    }

    // ---- reads ----

    /** 32 random bytes from the chip (FF FF 00 00 x8 while the config zone is unlocked); host driver only. */
    public Bytes random() { return chip(ChipOp.RANDOM, -1, false, () -> backend().random()); }

    /** The whole of slot {@code slot} (36, 416 or 72 bytes) in the clear; host driver only. */
    public Bytes read(int slot) {
        checkSlot(slot);
        int size = dev.sesh.atca.command.Address.slotSize(slot);
        AteccBackend b = backend();
        return chip(ChipOp.READ, slot, false, () -> b.session(() -> {
            Bytes all = Bytes.EMPTY;
            int block = 0;
            for (; (block + 1) * 32 <= size; block++) all = all.concat(b.read(slot, block, 0, 32));
            for (int word = 0; block * 32 + word * 4 < size; word++) all = all.concat(b.read(slot, block, word, 4));
            return all;
        }));
    }

    /**
     * Writes {@code data} into slot {@code slot} in the clear, 32 bytes per block from block 0
     * (the last block may be 4 bytes), after the gate. Refused with nothing sent where the config
     * asks for encrypted writes, for private-key slots and for a length that does not fit.
     * Returns the result line ("slot 10 written (32 bytes)", saying so when the board's reply was
     * lost and the read-back found the data there).
     */
    public String write(int slot, Bytes data) {
        checkSlot(slot);
        ConfigZone z = state();
        AteccPlans.checkClearWrite(z, slot, data.length());
        AteccBackend b = backend();
        Optional<LostReply.Found> lost = board.gate().apply(AteccPlans.slotWrite(target(), z, slot, data.length(), via()), () -> LostReply.guard("the write",
                () -> chip(ChipOp.WRITE, slot, false, () -> b.session(() -> {
                    for (int off = 0; off < data.length(); off += 32) b.writeClear(slot, off / 32, data.slice(off, Math.min(data.length(), off + 32)));
                    return null;
                })),
                () -> SlotReadBack.data(this, z, slot, data, "the data given"), "run the same atca write again (writing the same bytes again is safe)"));
        return "slot " + slot + " written (" + data.length() + " bytes)" + LostReply.note(lost);
    }

    /**
     * Sends one chip command as given (host driver only) and returns the answer, whatever its
     * status. A command the classifier does not know to be read-only goes through the gate.
     */
    public RawResult raw(int opcode, int param1, int param2, Bytes data) {
        AteccBackend b = backend();
        CommandPacket packet = new CommandPacket(opcode, param1, param2, data);
        if (b instanceof RpcAtcaBackend) b.raw(packet, 0);        // says why it cannot
        Supplier<RawResult> send = () -> RawResult.of(packet, b.raw(packet, AteccPlans.rawResponseLength(opcode)));
        if (ChangeClassifier.chipCommand(opcode, param1, param2).effect() == Effect.READ_ONLY) return send.get();
        try {
            return board.gate().apply(AteccPlans.raw(target(), opcode, param1, param2, data.length()), send);
        } finally {
            board.chipMayHaveChanged();     // a raw command may have changed anything: read the zone again next time
        }
    }

    /** The key operations: key set/gen/pub and sign ({@link AteccKeys}). */
    public AteccKeys keys() { return new AteccKeys(this); }

    /** {@code atca.keys} in scripts: the same as {@link #keys()}. */
    public AteccKeys getKeys() { return keys(); }

    /** The public key X || Y of the private key in {@code slot} (64 bytes; GenKey mode 0, changes nothing). */
    public Bytes publicKey(int slot) { return keys().publicKey(slot); }

    /** Signs a 32-byte digest with the key in {@code slot}; R || S (64 bytes). */
    public Bytes sign(int slot, Bytes digest) { return keys().sign(slot, digest); }

    /**
     * Runs one chip step and explains a refusal from the zone the chip holds now (the hint of a
     * {@link ChipStatusException}); {@code withWriteKey} says whether the step used a write key.
     * For the key commands built on this object.
     */
    public <T> T chip(ChipOp op, int slot, boolean withWriteKey, Supplier<T> step) {
        try {
            return step.get();
        } catch (ChipStatusException e) {
            String hint = e.hint();
            try {
                hint = Refusals.hint(op, slot, e.status(), state(), withWriteKey);
            } catch (SeshException ignored) {
                // the zone could not be read to explain: keep the back end's hint
            }
            throw new ChipStatusException(e.op(), slot, e.status(), hint.isEmpty() ? e.hint() : hint);
        }
    }

    static void checkSlot(int slot) {
        if (slot < 0 || slot > 15) throw SeshException.badArg("slot " + slot + " does not exist", "slots are 0-15");
    }

    @Override public String toString() {
        return "Atecc[" + board.portName() + (backend == null ? "" : ", via " + backend.via().word()) + "]";
    }
}
