package dev.sesh.sim.fs;

import dev.sesh.bytes.Clock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated board's SPIFFS-like filesystem on {@code /} (mos-rpc.md 4.4, mos-captures README
 * 6.4): a flat namespace of byte-string names, {@value #SIZE} bytes in total with free space =
 * size minus the sum of file sizes (as the capture rig computed it), and write costs from
 * {@link FlashTiming} spent on the injected clock.
 *
 * <p>Names: leading slashes are dropped, so {@code /x}, {@code //x} and {@code x} are one file. A name
 * may hold any byte (one char per byte) and at most {@value #NAME_MAX} bytes: Mongoose OS builds SPIFFS
 * for the ESP8266 with SPIFFS_OBJ_NAME_LEN 48 including the NUL (not SPIFFS's default 32), and the names FS.List shows carry no slash, so the
 * slash is not stored; longer names cannot be opened.
 * Listings are in byte-wise name order (SPIFFS gives no order; the capture rig's host order is not
 * reproducible). Only {@code /} is a directory.
 *
 * <p>With a folder ({@code sim:PATH}) every change is written through to {@code PATH/fs/}, so the
 * files survive a restart; a folder that does not exist yet starts as the factory image.
 */
public final class FlashFs {
    /** Total bytes, as Sys.GetInfo's fs_size reports. */
    public static final long SIZE = 233681;
    /** Longest accepted name in bytes, without leading slashes. */
    public static final int NAME_MAX = 47;
    /**
     * Data bytes SPIFFS holds before writes fail on this geometry: page headers, lookup pages and
     * the blocks it keeps free take the rest, so on a fresh filesystem (conf0.json, 3 bytes) the
     * largest file is about 207.8 KB while 233.2 KB show free (real SPIFFS, ESP8266 geometry; issue 24).
     */
    public static final long USABLE = 207_803;

    /** One directory entry. */
    public record Entry(String name, long size) {}

    /** How a write ended; each maps to one FS.Put error (see FsService). */
    public enum WriteResult { OK, OPEN_FAILED, SEEK_FAILED, NO_SPACE }

    private final Map<String, byte[]> files;
    private final Optional<FsFolder> folder;
    private final Clock clock;
    private final FlashTiming timing;
    private long bytesWritten;

    private FlashFs(Map<String, byte[]> files, Optional<FsFolder> folder, Clock clock, FlashTiming timing) {
        this.files = files;
        this.folder = folder;
        this.clock = clock;
        this.timing = timing;
    }

    /** The factory image: {@code conf0.json} holding {@code {}} and a newline (3 bytes). */
    public static Map<String, byte[]> factoryImage() {
        Map<String, byte[]> m = new TreeMap<>();
        m.put("conf0.json", "{}\n".getBytes(StandardCharsets.ISO_8859_1));
        return m;
    }

    /** An in-memory filesystem holding {@code image} (name -> content). */
    public static FlashFs inMemory(Map<String, byte[]> image, Clock clock) {
        return new FlashFs(copy(image), Optional.empty(), clock, FlashTiming.DEFAULT);
    }

    /**
     * The filesystem kept in {@code boardDir/fs/}: loaded if it exists, else created from
     * {@code image} and written out.
     */
    public static FlashFs persistent(Path boardDir, Map<String, byte[]> image, Clock clock) {
        FsFolder f = new FsFolder(boardDir.resolve("fs"));
        if (f.exists()) return new FlashFs(f.load(), Optional.of(f), clock, FlashTiming.DEFAULT);
        Map<String, byte[]> files = copy(image);
        files.forEach(f::write);
        return new FlashFs(files, Optional.of(f), clock, FlashTiming.DEFAULT);
    }

    /**
     * As {@link #persistent}, but the folder's files are first replaced by {@code image}, as
     * reflashing a board rewrites its filesystem (the way out of a boot loop).
     */
    public static FlashFs reflashed(Path boardDir, Map<String, byte[]> image, Clock clock) {
        FsFolder f = new FsFolder(boardDir.resolve("fs"));
        if (f.exists()) f.load().keySet().forEach(f::delete);
        Map<String, byte[]> files = copy(image);
        files.forEach(f::write);
        return new FlashFs(files, Optional.of(f), clock, FlashTiming.DEFAULT);
    }

    private static Map<String, byte[]> copy(Map<String, byte[]> image) {
        Map<String, byte[]> m = new TreeMap<>();
        image.forEach((k, v) -> m.put(normalize(k), v.clone()));
        return m;
    }

    /** The name without leading slashes. */
    public static String normalize(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '/') i++;
        return name.substring(i);
    }

    private static boolean openable(String n) { return !n.isEmpty() && n.length() <= NAME_MAX; }

    public long used() { return files.values().stream().mapToLong(b -> b.length).sum(); }

    public long free() { return SIZE - used(); }

    /** What can still be written before SPIFFS fails a write ({@link #USABLE} minus the stored bytes). */
    public long writable() { return Math.max(0, USABLE - used()); }

    /** The entries of directory {@code path}; only {@code /} (or "") exists, anything else is empty. */
    public List<Entry> list(String path) {
        List<Entry> out = new ArrayList<>();
        if (!normalize(path).isEmpty()) return out;
        files.forEach((k, v) -> out.add(new Entry(k, v.length)));
        return out;
    }

    /** The whole content of {@code name}, or empty if it cannot be opened. */
    public Optional<byte[]> read(String name) {
        byte[] b = files.get(normalize(name));
        return Optional.ofNullable(b).map(byte[]::clone);
    }

    public boolean exists(String name) { return files.containsKey(normalize(name)); }

    /**
     * FS.Put's open-and-write (mos-rpc.md 4.4): {@code offset} < 0 appends if {@code append} else
     * truncates; 0 truncates; > 0 updates an existing file in place at that offset (an offset past
     * the end cannot be sought). The open's effect (create, truncate) stays when the data then does
     * not fit; the data is written whole or not at all.
     */
    public WriteResult write(String name, long offset, boolean append, byte[] data) {
        String n = normalize(name);
        if (!openable(n)) return WriteResult.OPEN_FAILED;
        byte[] old = files.get(n);
        byte[] base;
        long at;
        if (offset > 0) {
            if (old == null) return WriteResult.OPEN_FAILED;
            if (offset > old.length) return WriteResult.SEEK_FAILED;
            base = old;
            at = offset;
        } else if (offset < 0 && append) {
            base = old == null ? new byte[0] : old;
            at = base.length;
        } else {
            base = new byte[0];
            at = 0;
        }
        if (base != old) store(n, base);
        long end = at + data.length;
        long growth = Math.max(0, end - base.length);
        if (growth > writable()) return WriteResult.NO_SPACE;
        byte[] next = Arrays.copyOf(base, (int) Math.max(end, base.length));
        System.arraycopy(data, 0, next, (int) at, data.length);
        spend(data.length);
        store(n, next);
        return WriteResult.OK;
    }

    /** Replaces {@code name}'s content (config saves); false if the name cannot be opened or it does not fit. */
    public boolean replace(String name, byte[] data) {
        String n = normalize(name);
        if (!openable(n)) return false;
        byte[] old = files.get(n);
        if (data.length - (old == null ? 0 : old.length) > writable()) return false;
        spend(data.length);
        store(n, data.clone());
        return true;
    }

    /** FS.Remove; false if there is no such file. */
    public boolean remove(String name) {
        String n = normalize(name);
        if (files.remove(n) == null) return false;
        folder.ifPresent(f -> f.delete(n));
        return true;
    }

    /** FS.Rename; replaces an existing {@code dst} (POSIX rename); false if src is missing or dst cannot be named. */
    public boolean rename(String src, String dst) {
        String s = normalize(src);
        String d = normalize(dst);
        byte[] b = files.get(s);
        if (b == null || !openable(d)) return false;
        if (s.equals(d)) return true;
        files.remove(s);
        folder.ifPresent(f -> f.delete(s));
        store(d, b);
        return true;
    }

    private void store(String n, byte[] content) {
        files.put(n, content);
        folder.ifPresent(f -> f.write(n, content));
    }

    private void spend(long n) {
        long cost = timing.cost(bytesWritten, n);
        bytesWritten += n;
        try {
            clock.sleepNanos(cost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
