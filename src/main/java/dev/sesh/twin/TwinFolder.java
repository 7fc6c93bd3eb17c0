package dev.sesh.twin;

import dev.sesh.SeshException;
import dev.sesh.atca.command.Address;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.TwinFile;
import dev.sesh.sim.chip.ChipMemory;
import dev.sesh.sim.fs.FlashFs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a board's copy as a simulated board folder that {@code sim:DIR} opens (issue 23): the
 * MAC, the chip's EEPROM (config zone and locks as read, readable slots as read, the others filled
 * with fresh random values), the filesystem with the saved config levels, and {@code twin.txt}
 * naming the original and listing the slots that hold random values. A folder that already holds
 * anything is replaced only when {@code replace} says the user agreed; then only the entries of a
 * simulated board are removed, nothing else in it.
 */
public final class TwinFolder {
    private static final String FS_DIR = "fs";

    private TwinFolder() {}

    /** What was written: the folder and the slots that hold random values instead of the board's. */
    public record Written(Path dir, List<Integer> randomSlots, boolean otpRandom, int files) {
        public Written { randomSlots = List.copyOf(randomSlots); }

        /** One line per fact, for the user. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("twin written to " + dir + ": " + files + " files, the chip's config zone and locks as read");
            out.add(randomSlots.isEmpty() ? "every slot copied as read" : "slots filled with fresh random values (not readable on the board): " + join(randomSlots));
            if (otpRandom) out.add("the OTP zone is not readable before the data lock: filled with random values");
            out.add("open it with: sesh --port sim:" + dir + "   (it says TWIN in info and in the prompt)");
            return out;
        }
    }

    /** True if {@code dir} exists and holds anything. */
    public static boolean hasContent(Path dir) {
        if (!Files.isDirectory(dir)) return Files.exists(dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    /** Writes {@code copy} into {@code dir}; refused if {@code dir} holds anything and {@code replace} is false. */
    public static Written write(Path dir, BoardCopy copy, boolean replace) {
        return write(dir, copy, replace, new SecureRandom());
    }

    static Written write(Path dir, BoardCopy copy, boolean replace, SecureRandom random) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw SeshException.badArg(dir + " is a file, not a folder", "give a folder for the twin, e.g. twin ./twins/board1");
        }
        if (hasContent(dir) && !replace) {
            throw SeshException.badArg(dir + " is not empty; nothing was written", "give an empty or new folder, or agree to replace it (twin DIR asks)");
        }
        List<Integer> randomSlots = new ArrayList<>();
        List<Bytes> slots = new ArrayList<>();
        ChipMemory shape = ChipMemory.withConfig(copy.variant(), copy.config());
        for (int n = 0; n < 16; n++) {
            if (copy.slots().get(n).isPresent() && copy.slots().get(n).get().length() == Address.slotSize(n)) {
                slots.add(copy.slots().get(n).get());
            } else {
                slots.add(ChipTwin.randomSlot(n, (shape.keyConfig(n) & 1) != 0, random));
                randomSlots.add(n);
            }
        }
        ChipMemory memory = ChipMemory.of(copy.variant(), copy.config(), copy.otp().orElseGet(() -> ChipTwin.randomBytes(64, random)), slots);
        List<String> notes = new ArrayList<>();
        notes.add("This folder is a simulated copy (a twin) of " + copy.twinOf() + ", made by sesh's twin command.");
        notes.add("Open it with: sesh --port sim:" + dir + "   Nothing done here reaches the board.");
        notes.add("Chip: " + copy.variant() + ", config zone and lock bytes as read from the board.");
        notes.add(randomSlots.isEmpty() ? "Every slot holds what was read from the board."
                : "Slots filled with fresh random values, because the board does not let them be read (secrets, private keys, or the data zone still open):");
        for (int n : randomSlots) notes.add("  slot " + n + ((shape.keyConfig(n) & 1) != 0 ? " (private key: a random valid P-256 key)" : ""));
        if (copy.otp().isEmpty()) notes.add("OTP zone: not readable on the board, filled with random values.");
        try {
            Files.createDirectories(dir);
            if (replace) clear(dir);
            Files.writeString(dir.resolve(SimFirmware.MAC_FILE), copy.macHex().toLowerCase(java.util.Locale.ROOT) + "\n");
            Files.write(dir.resolve(SimFirmware.CHIP_FILE), memory.save());
            FlashFs.reflashed(dir, copy.files(), new VirtualClock());
            new TwinFile(copy.twinOf(), copy.app(), copy.fwVersion(), copy.fwId(), copy.mgVersion(), copy.mgId(), copy.arch(), notes).write(dir);
        } catch (IOException e) {
            throw SeshException.failed("cannot write the twin to " + dir + ": " + e.getMessage(), "give a folder you can write to");
        }
        return new Written(dir, randomSlots, copy.otp().isEmpty(), copy.files().size());
    }

    // Only what a simulated board folder holds is removed; anything else the user keeps there stays.
    private static void clear(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(SimFirmware.MAC_FILE));
        Files.deleteIfExists(dir.resolve(SimFirmware.CHIP_FILE));
        Files.deleteIfExists(dir.resolve(TwinFile.NAME));
        Path fs = dir.resolve(FS_DIR);
        if (Files.isDirectory(fs)) {
            try (Stream<Path> s = Files.walk(fs)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static String join(List<Integer> slots) {
        List<String> s = new ArrayList<>();
        for (int n : slots) s.add(String.valueOf(n));
        return String.join(", ", s);
    }
}
