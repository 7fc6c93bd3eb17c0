package dev.sesh.plan;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One thing a {@link Plan} will change on a board. The records hold what a user needs to judge the
 * change and never secret bytes: none of them has a field that could carry a key, and those built
 * from raw input ({@link RpcCall}, {@link I2cWrite}) drop secret material in their constructor.
 */
public sealed interface Change {
    /** Whether this change alone can be undone. */
    Reversibility reversibility();

    /** The plan's detail cells for this change; a renderer aligns consecutive changes of one kind. */
    List<String> cells();

    /** The words a user types to approve this change if it is irreversible (design.md 5.10), without serial. */
    String verb();

    /**
     * What approving this change lets through the link guard (design.md 5.9): the actions of every
     * frame that carrying out this change sends. Nothing else is let through on its approval.
     */
    List<Action> actions();

    /** One line: the cells joined by two spaces. Safe to print and to log. */
    default String line() { return String.join("  ", cells()); }

    /** How a secret-bearing write reaches the chip. */
    enum WriteMode {
        /** Sent in the clear (data zone unlocked, or a clear-write slot). */
        CLEAR,
        /** Encrypted on the host with the write key; the write key never crosses the link. */
        ENCRYPTED_ON_HOST,
        /** Sent to the firmware's ATCA.SetKey, which encrypts; the key and write key cross the link. */
        VIA_FIRMWARE
    }

    /** Which zone a {@link Lock} locks. */
    enum LockZone { CONFIG, DATA, SLOT }

    /** One config-zone field, old -> new; reversible until the config zone is locked. */
    record ConfigZoneChange(String where, String field, String from, String to) implements Change {
        public ConfigZoneChange {
            Objects.requireNonNull(where); Objects.requireNonNull(field); Objects.requireNonNull(from); Objects.requireNonNull(to);
        }
        @Override public Reversibility reversibility() { return Reversibility.REVERSIBLE; }
        @Override public List<String> cells() { return List.of(where, field, from + " -> " + to); }
        @Override public String verb() { return "write config"; }
        @Override public List<Action> actions() { return List.of(Action.reversible(Action.Kind.CHIP_CONFIG, "config")); }
        @Override public String toString() { return line(); }
    }

    /**
     * Writes {@code content} (a description such as "a P-256 private key" or "64 bytes", never the
     * bytes) into data slot {@code slot}. {@code authorisingSlot} is the write key's slot, or -1.
     * Irreversible when {@code mayDestroyKey}: the slot may hold a key that is then gone forever.
     */
    record SlotWrite(int slot, String content, WriteMode mode, int authorisingSlot, boolean mayDestroyKey) implements Change {
        public SlotWrite {
            checkSlot(slot);
            if (authorisingSlot != -1) checkSlot(authorisingSlot);
            Objects.requireNonNull(content); Objects.requireNonNull(mode);
        }
        @Override public Reversibility reversibility() { return mayDestroyKey ? Reversibility.IRREVERSIBLE : Reversibility.REVERSIBLE; }
        @Override public List<String> cells() {
            String how;
            switch (mode) {
                case CLEAR: how = "sent in the clear"; break;
                case ENCRYPTED_ON_HOST: how = "encrypted here" + (authorisingSlot >= 0 ? ", authorised by slot " + authorisingSlot : "") + "; the write key never leaves this computer"; break;
                default: how = "via the firmware's ATCA.SetKey: the key" + (authorisingSlot >= 0 ? " and the write key cross" : " crosses") + " the serial link"; break;
            }
            return List.of("slot " + slot, "write " + content, how + (mayDestroyKey ? "; replaces the key there" : ""));
        }
        @Override public String verb() { return "write slot " + slot; }
        @Override public List<Action> actions() {
            String s = "slot " + slot;
            return List.of(new Action(Action.Kind.SLOT_WRITE, s, reversibility()), new Action(Action.Kind.KEY_WRITE, s, reversibility()));
        }
        @Override public String toString() { return line(); }
    }

    /** GenKey: a new private key created inside slot {@code slot}; irreversible if a key may be there. */
    record KeyGen(int slot, boolean mayDestroyKey) implements Change {
        public KeyGen { checkSlot(slot); }
        @Override public Reversibility reversibility() { return mayDestroyKey ? Reversibility.IRREVERSIBLE : Reversibility.REVERSIBLE; }
        @Override public List<String> cells() {
            return List.of("slot " + slot, "GenKey: new P-256 private key" + (mayDestroyKey ? "; the key there now is gone forever" : ""));
        }
        @Override public String verb() { return "genkey slot " + slot; }
        @Override public List<Action> actions() { return List.of(new Action(Action.Kind.KEY_GEN, "slot " + slot, reversibility())); }
        @Override public String toString() { return line(); }
    }

    /** Locks a zone or a slot ({@code slot} is -1 unless zone is SLOT); {@code crc} is the summary CRC sent, if any. */
    record Lock(LockZone zone, int slot, OptionalInt crc) implements Change {
        public Lock {
            Objects.requireNonNull(zone); Objects.requireNonNull(crc);
            if (zone == LockZone.SLOT) checkSlot(slot); else if (slot != -1) throw new IllegalArgumentException("slot only for a slot lock");
        }
        public static Lock config(int crc) { return new Lock(LockZone.CONFIG, -1, OptionalInt.of(crc & 0xffff)); }
        public static Lock data(OptionalInt crc) { return new Lock(LockZone.DATA, -1, crc); }
        public static Lock slot(int slot) { return new Lock(LockZone.SLOT, slot, OptionalInt.empty()); }
        @Override public Reversibility reversibility() { return Reversibility.IRREVERSIBLE; }
        @Override public List<String> cells() {
            String what = zone == LockZone.CONFIG ? "config zone" : zone == LockZone.DATA ? "data and OTP zones" : "slot " + slot;
            String check = crc.isPresent() ? String.format("with CRC 0x%04X", crc.getAsInt()) : "without CRC check";
            return List.of("LOCK " + what, check);
        }
        @Override public String verb() {
            return zone == LockZone.CONFIG ? "lock config" : zone == LockZone.DATA ? "lock data" : "lock slot " + slot;
        }
        @Override public List<Action> actions() {
            return List.of(Action.irreversible(Action.Kind.CHIP_LOCK, zone == LockZone.CONFIG ? "config" : zone == LockZone.DATA ? "data" : "slot " + slot));
        }
        @Override public String toString() { return line(); }
    }

    /**
     * A device file written: {@code size} bytes to {@code path}, replacing an existing file or not.
     * With a {@code staging} name the bytes go to that temporary file first, which is then renamed
     * over {@code path} (or removed if the transfer fails); empty when written in place. The
     * staging name can only be {@link #stagingName(String) path's own}: the plan shows {@code path},
     * so its approval must not reach any other file.
     */
    record FileWrite(String path, long size, boolean replaces, String staging) implements Change {
        /** The temporary names' prefix; a name is the prefix and the CRC-32 of the target in 8 hex digits. */
        public static final String STAGING_PREFIX = ".sesh-put-";

        public FileWrite {
            Objects.requireNonNull(path); Objects.requireNonNull(staging);
            if (size < 0) throw new IllegalArgumentException("size < 0");
            if (!staging.isEmpty() && !staging.equals(stagingName(path))) {
                throw SeshException.badArg("a put of " + path + " is staged as " + stagingName(path) + ", not " + staging,
                        "leave the staging name to sesh (fs put, fs.put)");
            }
        }

        /** The temporary name a staged put of {@code path} writes first (18 bytes). */
        public static String stagingName(String path) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(path.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return STAGING_PREFIX + String.format("%08x", crc.getValue());
        }
        public FileWrite(String path, long size, boolean replaces) { this(path, size, replaces, ""); }
        @Override public Reversibility reversibility() { return Reversibility.REVERSIBLE; }
        @Override public List<String> cells() { return List.of("put " + path, size + " B", replaces ? "replaces the file" : "new file"); }
        @Override public String verb() { return "put " + path; }
        @Override public List<Action> actions() {
            if (staging.isEmpty()) return List.of(Action.reversible(Action.Kind.FILE_WRITE, path));
            return List.of(Action.reversible(Action.Kind.FILE_WRITE, staging),
                    Action.reversible(Action.Kind.FILE_RENAME, staging + " -> " + path),
                    Action.reversible(Action.Kind.FILE_REMOVE, staging),
                    // a board whose rename does not replace gets the old file removed first
                    Action.reversible(Action.Kind.FILE_REMOVE, path));
        }
        @Override public String toString() { return line(); }
    }

    /** A device file removed. */
    record FileRemove(String path) implements Change {
        public FileRemove { Objects.requireNonNull(path); }
        @Override public Reversibility reversibility() { return Reversibility.REVERSIBLE; }
        @Override public List<String> cells() { return List.of("remove " + path); }
        @Override public String verb() { return "rm " + path; }
        @Override public List<Action> actions() { return List.of(Action.reversible(Action.Kind.FILE_REMOVE, path)); }
        @Override public String toString() { return line(); }
    }

    /** A device file renamed. */
    record FileRename(String from, String to) implements Change {
        public FileRename { Objects.requireNonNull(from); Objects.requireNonNull(to); }
        @Override public Reversibility reversibility() { return Reversibility.REVERSIBLE; }
        @Override public List<String> cells() { return List.of("rename " + from, "-> " + to); }
        @Override public String verb() { return "mv " + from; }
        /** The rename, and removing {@code to} first on a board whose rename does not replace. */
        @Override public List<Action> actions() {
            return List.of(Action.reversible(Action.Kind.FILE_RENAME, from + " -> " + to), Action.reversible(Action.Kind.FILE_REMOVE, to));
        }
        @Override public String toString() { return line(); }
    }

    /**
     * One device config key (Config.Set), old -> new. Values of secret keys (a name containing
     * pass, secret, psk or token, or {@code secret} true) are replaced by "(hidden)" on construction.
     */
    record ConfigKeyChange(String key, String from, String to, boolean secret) implements Change {
        private static final Pattern SECRET_NAME = Pattern.compile("pass|secret|psk|token");
        public ConfigKeyChange {
            Objects.requireNonNull(key); Objects.requireNonNull(from); Objects.requireNonNull(to);
            if (secret || SECRET_NAME.matcher(key.toLowerCase(Locale.ROOT)).find()) {
                secret = true;
                from = from.isEmpty() ? "\"\"" : "(hidden)";
                to = to.isEmpty() ? "\"\"" : "(hidden)";
            }
        }
        @Override public Reversibility reversibility() { return Reversibility.REVERSIBLE; }
        @Override public List<String> cells() { return List.of(key, from, "-> " + to); }
        @Override public String verb() { return "set " + key; }
        /** The key, and the save that Config.Set does with it. */
        @Override public List<Action> actions() {
            return List.of(Action.reversible(Action.Kind.CONFIG_SET, key), Action.reversible(Action.Kind.CONFIG_SAVE, ""));
        }
        @Override public String toString() { return line(); }
    }

    /** A board reboot. */
    record Reboot() implements Change {
        @Override public Reversibility reversibility() { return Reversibility.REVERSIBLE; }
        @Override public List<String> cells() { return List.of("reboot the board"); }
        @Override public String verb() { return "reboot"; }
        @Override public List<Action> actions() { return List.of(Action.reversible(Action.Kind.REBOOT, "")); }
        @Override public String toString() { return line(); }
    }

    /**
     * An RPC sent as typed ({@code call}). The params text keeps its shape, but the values of
     * {@code key}, {@code wkey}, {@code data_hex} and password-like fields (pass, password, psk,
     * secret, token) in any case, and data that looks like a key, quoted or not and at any depth,
     * are replaced by "(redacted)" on construction ({@link Redactor#params}). {@code actions} come
     * from the exact params, read as the firmware reads them.
     */
    record RpcCall(String method, String params, Classification classification, List<Action> actions) implements Change {
        public RpcCall {
            Objects.requireNonNull(method); Objects.requireNonNull(params); Objects.requireNonNull(classification);
            actions = List.copyOf(actions);
            if (!classification.isChange() || actions.isEmpty()) throw new IllegalArgumentException(method + " is not a change");
            params = Redactor.params(params);
        }
        /** A call classified from its method and exact params (FrameClassifier). */
        public static RpcCall of(String method, String params) {
            FrameClassifier.Verdict v = FrameClassifier.classify(method, params);
            return new RpcCall(method, params, v.classification(), v.actions());
        }
        @Override public Reversibility reversibility() { return classification.effect().reversibility(); }
        @Override public List<String> cells() {
            return List.of("call " + method + (params.isBlank() ? "" : " " + params), classification.what());
        }
        @Override public String verb() { return "call " + method; }
        @Override public String toString() { return line(); }
    }

    /**
     * An I2C write as typed ({@code i2c write}). Of a write that starts a chip command group (at any
     * address: a chip can be moved) or goes to the chip's address only the header is kept
     * ({@code shown}: word address, count, opcode, param1, param2), never its data.
     */
    record I2cWrite(int address, int chipAddress, int length, Bytes shown, Classification classification, List<Action> actions) implements Change {
        private static final int HEADER = 6;
        public I2cWrite {
            if (address < 0 || address > 0x7f) throw SeshException.badArg("I2C address 0x" + Integer.toHexString(address) + " is not 7-bit", "addresses are 0x00-0x7f");
            Objects.requireNonNull(shown); Objects.requireNonNull(classification);
            actions = List.copyOf(actions);
            if (!classification.isChange() || actions.isEmpty()) throw new IllegalArgumentException("not a change");
            if (toChip(address, chipAddress) || (shown.length() >= 8 && shown.get(0) == 0x03)) shown = packetHeader(shown);
        }
        /** A write to the chip's address, or to any ATECC address (0x60-0x67: the chip may have been moved). */
        static boolean toChip(int address, int chipAddress) { return address == chipAddress || (address >= 0x60 && address <= 0x67); }
        /**
         * Of bytes to the chip only a command packet's header (word address 03, count, opcode, param1,
         * param2) may show, and only when the count byte matches the length, so it decodes as a command;
         * anything else (a key written as raw bytes) shows no byte at all (issue 16 row 7).
         */
        static Bytes packetHeader(Bytes wire) {
            boolean packet = wire.length() >= HEADER && wire.get(0) == 0x03 && wire.get(1) == wire.length() - 1;
            return packet ? wire.slice(0, HEADER) : (wire.length() == 1 ? wire : Bytes.EMPTY);
        }
        /** Classifies {@code data} for {@code address} as the link guard will; keeps only a chip command's header. */
        public static I2cWrite of(int address, Bytes data, int chipAddress) {
            FrameClassifier.Verdict v = FrameClassifier.i2cWrite(java.util.OptionalInt.of(address), data);
            Classification c = v.classification();
            if (address == chipAddress && data.length() > 0 && data.get(0) != 0x03 && c.isChange()) {
                c = new Classification(c.effect(), c.what() + " (not a chip command: reserved word address)");
            } else if (address != chipAddress && data.length() >= 8 && data.get(0) == 0x03 && c.isChange()) {
                c = new Classification(c.effect(), c.what() + " (possible chip command)");
            }
            return new I2cWrite(address, chipAddress, data.length(), data, c, v.actions());
        }
        @Override public Reversibility reversibility() { return classification.effect().reversibility(); }
        @Override public List<String> cells() {
            String bytes = shown.length() == 0 ? length + " bytes not shown"
                    : shown.hex() + (shown.length() < length ? " +" + (length - shown.length()) + " bytes not shown" : "");
            return List.of(String.format("i2c write 0x%02x", address), bytes, classification.what());
        }
        @Override public String verb() { return String.format("i2c write 0x%02x", address); }
        @Override public String toString() { return line(); }
    }

    /** A raw chip command ({@code atca raw}): opcode, param1, param2 and the data length, never the data. */
    record ChipCommand(int opcode, int param1, int param2, int dataLength, Classification classification, List<Action> actions) implements Change {
        public ChipCommand {
            Objects.requireNonNull(classification);
            actions = List.copyOf(actions);
            if (!classification.isChange() || actions.isEmpty()) throw new IllegalArgumentException("not a change");
        }
        public static ChipCommand of(int opcode, int param1, int param2, int dataLength) {
            FrameClassifier.Verdict v = FrameClassifier.chipCommand(opcode, param1, param2);
            return new ChipCommand(opcode, param1, param2, dataLength, v.classification(), v.actions());
        }
        @Override public Reversibility reversibility() { return classification.effect().reversibility(); }
        @Override public List<String> cells() {
            return List.of(String.format("%s (0x%02x) p1=0x%02x p2=0x%04x, %d data bytes",
                    ChangeClassifier.opcodeName(opcode), opcode, param1, param2, dataLength), classification.what());
        }
        @Override public String verb() { return "raw " + ChangeClassifier.opcodeName(opcode).toLowerCase(Locale.ROOT); }
        @Override public String toString() { return line(); }
    }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot > 15) throw SeshException.badArg("slot " + slot + " does not exist", "slots are 0-15");
    }
}
