package dev.sesh.sim.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The on-disk copy of a {@code sim:PATH} board's filesystem: one host file per device file in
 * {@code PATH/fs/}. Device names are byte strings, so host names keep {@code [A-Za-z0-9._-]} and
 * write every other byte (and a leading dot) as {@code %XX}.
 */
final class FsFolder {
    private final Path dir;

    FsFolder(Path dir) { this.dir = dir; }

    /** True if the folder already holds a filesystem (a board that ran before). */
    boolean exists() { return Files.isDirectory(dir); }

    Map<String, byte[]> load() {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                // encoded names never start with a dot, so dot files are our own temporaries
                if (Files.isRegularFile(p) && !n.startsWith(".")) out.put(decode(n), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    void write(String name, byte[] data) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".tmp-" + encode(name));
            Files.write(tmp, data);
            Files.move(tmp, dir.resolve(encode(name)), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(dir.resolve(encode(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && i > 0);
            if (plain) sb.append(c);
            else sb.append('%').append(String.format("%02X", (int) c & 0xff));
        }
        return sb.toString();
    }

    static String decode(String host) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%' && i + 2 < host.length()) {
                sb.append((char) Integer.parseInt(host.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
