package dev.sesh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The whole persistent state of a {@code sim:PATH} board, read straight from its folder: every
 * device file ({@code fs/}, saved config included) and the chip's EEPROM ({@code atecc.bin}:
 * config, OTP, data zones, lock bytes, slot contents). The MAC file never changes and is left out.
 * Two snapshots are equal when every byte of every file is.
 */
public record BoardSnapshot(Map<String, byte[]> files) {
    public BoardSnapshot { files = java.util.Collections.unmodifiableMap(new TreeMap<>(files)); }

    public static BoardSnapshot of(Path boardDir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(boardDir)) return new BoardSnapshot(files);
        try (Stream<Path> walk = Files.walk(boardDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = boardDir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals("mac")) files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BoardSnapshot(files);
    }

    /** Names of files whose bytes differ, or that exist on one side only. */
    public Set<String> differences(BoardSnapshot other) {
        Set<String> names = new TreeSet<>(files.keySet());
        names.addAll(other.files.keySet());
        names.removeIf(n -> files.containsKey(n) && other.files.containsKey(n) && Arrays.equals(files.get(n), other.files.get(n)));
        return names;
    }

    public boolean sameAs(BoardSnapshot other) { return differences(other).isEmpty(); }

    @Override public boolean equals(Object o) { return o instanceof BoardSnapshot s && sameAs(s); }
    @Override public int hashCode() { return files.keySet().hashCode(); }
    @Override public String toString() { return "BoardSnapshot" + files.keySet(); }

    /** Copies a board folder (a prepared starting state) to a fresh one. */
    public static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
