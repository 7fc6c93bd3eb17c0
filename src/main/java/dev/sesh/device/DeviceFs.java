package dev.sesh.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.SeshException;
import dev.sesh.plan.LocalFileGuard;
import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcChannelClosedException;
import dev.sesh.rpc.RpcTimeoutException;
import dev.sesh.rpc.frame.FrameJson;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The board's filesystem (FS.*, mos-rpc.md 4.4): the {@code fs} object of scripts and what the
 * {@code fs} commands use. Names are checked by {@link FsNames} before anything is sent. Put,
 * remove and rename go through the board's gate with a plan. A put writes to a temporary name and
 * renames it over the target only after its size (and with {@code verify} its content) checked
 * out, so a failed or cancelled put never leaves a partial file under the target name; leftovers
 * of puts cut short by a reboot or a lost link are removed by the next put
 * (docs/decisions.md "fs put: temporary names"). Sizes are in bytes.
 */
public final class DeviceFs {
    /** How long a listing serves completion before a Tab refreshes it. */
    public static final java.time.Duration NAMES_FRESH = java.time.Duration.ofSeconds(10);
    private final Board board;
    private final FsTransfer transfer;
    private final BackgroundRefresh namesRefresh = new BackgroundRefresh(this::list, BackgroundRefresh.daemonThread("fs-names"));
    private volatile List<String> names = List.of();
    private volatile long namesAt;
    private volatile boolean namesKnown;

    DeviceFs(Board board) {
        this.board = board;
        this.transfer = new FsTransfer(board);
    }

    /** What {@link #put} did: the target name, its size, whether it replaced a file, which leftovers it removed. */
    public record PutResult(String name, long size, boolean replaced, boolean verified, List<String> leftoversRemoved) {
        public PutResult { leftoversRemoved = List.copyOf(leftoversRemoved); }
    }

    /** File names in directory {@code path} (FS.List), sorted byte-wise like mos ls. */
    public List<String> list(String path) {
        List<String> out = new ArrayList<>();
        FrameJson.parse(board.raw("FS.List", FrameJson.write(Map.of("path", path)))).forEach(n -> out.add(n.asText()));
        out.sort(Comparator.naturalOrder());
        if (isRoot(path)) remember(out);
        return out;
    }

    /** File names in {@code /}. */
    public List<String> list() { return list("/"); }

    /** Files in {@code path} with their sizes (FS.ListExt), sorted by name. */
    public List<FileEntry> listLong(String path) {
        List<FileEntry> out = new ArrayList<>();
        for (JsonNode e : FrameJson.parse(board.raw("FS.ListExt", FrameJson.write(Map.of("path", path))))) {
            out.add(new FileEntry(e.path("name").asText(), e.path("size").asLong()));
        }
        out.sort(Comparator.comparing(FileEntry::name));
        if (isRoot(path)) remember(out.stream().map(FileEntry::name).toList());
        return out;
    }

    public List<FileEntry> listLong() { return listLong("/"); }

    /** The entry of {@code name} in {@code /}, or empty if there is no such file. */
    public Optional<FileEntry> stat(String name) {
        String n = FsNames.check(name);
        return listLong().stream().filter(e -> e.name().equals(n)).findFirst();
    }

    /** Temporary files left by puts that did not finish (a lost link, a reboot, a crash). */
    public List<FileEntry> leftovers() {
        return listLong().stream().filter(e -> FsNames.isTemp(e.name())).toList();
    }

    /** Size and free space (Sys.GetInfo). */
    public FsUsage usage() {
        BoardInfo i = board.info();
        return new FsUsage(i.fsSize(), i.fsFree());
    }

    /** The whole content of device file {@code name}. */
    public byte[] read(String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        get(name, b, TransferProgress.NONE);
        return b.toByteArray();
    }

    /**
     * Streams device file {@code name} to {@code sink} in FS.Get chunks; returns the byte count.
     * @throws SeshException exit 2 when there is no such file
     */
    public long get(String name, OutputStream sink, TransferProgress progress) {
        FileEntry e = existing(name);
        return transfer.get(e.name(), e.size(), sink, progress);
    }

    /**
     * Copies device file {@code name} to {@code local} (a file, or a folder to put it in), through a
     * temporary file next to it that is moved into place only when complete. Returns the file written.
     */
    public Path get(String name, Path local, TransferProgress progress) { return get(name, local, progress, LocalFileGuard.refusing()); }

    /**
     * As {@link #get(String, Path, TransferProgress)}; an existing local file is replaced only if
     * {@code files} allows it (a key file never is).
     */
    public Path get(String name, Path local, TransferProgress progress, LocalFileGuard files) {
        FileEntry e = existing(name);
        Path target = Files.isDirectory(local) ? local.resolve(e.name()) : local;
        files.mayReplace(target);
        Path dir = target.toAbsolutePath().getParent();
        Path part;
        try {
            part = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        } catch (IOException x) {
            throw SeshException.badArg("cannot write to " + dir + ": " + x.getMessage(), "choose a writable local folder");
        }
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                transfer.get(e.name(), e.size(), out, progress);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return target;
        } catch (IOException x) {
            throw SeshException.failed("cannot write " + target + ": " + x.getMessage(), "check the local disk");
        } finally {
            if (!done) deleteQuietly(part);
        }
    }

    /** {@link #get(String, Path, TransferProgress)} for scripts: {@code fs.get('conf9.json', new File('conf9.json'))}. */
    public File get(String name, File local) { return get(name, local.toPath(), TransferProgress.NONE).toFile(); }

    /** As {@link #get(String, File)}; {@code replace} true replaces an existing file (never a key file). */
    public File get(String name, File local, boolean replace) {
        return get(name, local.toPath(), TransferProgress.NONE, replace ? LocalFileGuard.forced() : LocalFileGuard.refusing()).toFile();
    }

    /** {@link #put(Path, String, boolean, TransferProgress)} for scripts: {@code fs.put('ca.pem', new File('ca.pem'))}. */
    public PutResult put(String remote, File local) { return put(local.toPath(), remote, false, TransferProgress.NONE); }

    /**
     * Writes local file {@code local} to device file {@code remote} after the gate approves the plan
     * (file, size, new or replacing, free space). Nothing is sent when the file is missing, the name
     * cannot be stored, or it cannot fit.
     */
    public PutResult put(Path local, String remote, boolean verify, TransferProgress progress) {
        String target = FsNames.check(remote);
        long size = localSize(local);
        return put(size, () -> readLocal(local), local.getFileName() + " (" + size + " B)", target, verify, progress);
    }

    /** Writes {@code data} to device file {@code remote}, as {@link #put(Path, String, boolean, TransferProgress)}. */
    public PutResult put(String remote, byte[] data, boolean verify) {
        String target = FsNames.check(remote);
        byte[] copy = data.clone();
        return put(copy.length, () -> copy, copy.length + " B", target, verify, TransferProgress.NONE);
    }

    /** {@code content} is read only once the board's listing showed that {@code size} bytes fit. */
    private PutResult put(long size, Supplier<byte[]> content, String what, String target, boolean verify, TransferProgress progress) {
        if (FsNames.isTemp(target)) {
            throw SeshException.badArg(target + " is named like sesh's temporary files", "give another remote name; names " + FsNames.TEMP_PREFIX + " followed by 8 hex digits are removed as leftovers");
        }
        String temp = FsNames.temp(target);
        List<FileEntry> files = listLong();
        Optional<FileEntry> old = files.stream().filter(e -> e.name().equals(target)).findFirst();
        List<FileEntry> leftovers = files.stream().filter(e -> FsNames.isTemp(e.name())).toList();
        FsUsage usage = usage();
        long reclaimed = leftovers.stream().mapToLong(FileEntry::size).sum();
        long room = usage.writable() + reclaimed;
        if (size > room) {
            throw SeshException.failed(target + " (" + size + " B) does not fit: " + room + " B can be written on the board ("
                    + usage.free() + " B show free; SPIFFS keeps about 11% for its own pages)",
                    "remove files first (fs ls -l, fs rm NAME); the file needs room while it is written, even when it replaces one");
        }
        byte[] data = content.get();
        if (data.length != size) throw SeshException.badArg(what + " changed while it was read", "run fs put again");
        Plan.Builder plan = Plan.builder("put " + what + " as " + target + " ("
                + (old.isPresent() ? "replaces " + old.get().size() + " B" : "new file") + "; " + kb(usage.free()) + " free)", board.target())
                .change(new Change.FileWrite(target, data.length, old.isPresent(), temp));
        for (FileEntry l : leftovers) plan.change(new Change.FileRemove(l.name()));
        plan.note("written as " + temp + " and renamed to " + target + " when complete" + (verify ? "; read back and compared first" : ""));
        if (!leftovers.isEmpty()) plan.note("removes " + leftovers.size() + " leftover(s) of interrupted puts");
        return board.gate().apply(plan.build(), () -> {
            List<String> removed = new ArrayList<>();
            for (FileEntry l : leftovers) {
                board.raw("FS.Remove", FrameJson.write(Map.of("filename", l.name())));
                removed.add(l.name());
            }
            writeThenRename(data, temp, target, verify, progress);
            refreshNamesInBackground();
            return new PutResult(target, data.length, old.isPresent(), verify, removed);
        });
    }

    private void writeThenRename(byte[] data, String temp, String target, boolean verify, TransferProgress progress) {
        try {
            transfer.put(temp, data, progress);
            long size = listLong().stream().filter(e -> e.name().equals(temp)).mapToLong(FileEntry::size).findFirst().orElse(-1);
            if (size != data.length) {
                throw SeshException.failed("the board holds " + Math.max(size, 0) + " B of " + target + " after the put, not " + data.length + " B",
                        "the target was left unchanged; run fs put again");
            }
            if (verify && !Arrays.equals(data, read(temp))) {
                throw SeshException.failed("read-back of " + target + " differs from the local file", "the target was left unchanged; run fs put again");
            }
            renameOver(temp, target);
        } catch (RuntimeException e) {
            boolean cancelled = Thread.interrupted();
            // A dead or silent link cannot take a remove; the next put cleans up instead.
            if (cancelled || !(e instanceof RpcTimeoutException || e instanceof RpcChannelClosedException)) removeQuietly(temp);
            if (cancelled) {
                throw SeshException.failed("put of " + target + " cancelled; " + target + " is unchanged", "the partial copy " + temp + " was removed");
            }
            throw e;
        }
    }

    /** FS.Rename over an existing file; a board whose rename does not replace gets the old file removed first. */
    private void renameOver(String from, String to) {
        String params = FrameJson.write(Map.of("src", from, "dst", to));
        try {
            board.raw("FS.Rename", params);
        } catch (RemoteErrorException e) {
            if (listLong().stream().noneMatch(f -> f.name().equals(to))) throw e;
            board.raw("FS.Remove", FrameJson.write(Map.of("filename", to)));
            board.raw("FS.Rename", params);
        }
    }

    /** Removes device file {@code name} after the gate approves. */
    public void remove(String name) {
        FileEntry e = existing(name);
        Plan plan = Plan.builder("remove " + e.name() + " (" + e.size() + " B) from " + board.target().describe(), board.target())
                .change(new Change.FileRemove(e.name())).build();
        board.gate().run(plan, () -> {
            board.raw("FS.Remove", FrameJson.write(Map.of("filename", e.name())));
            refreshNamesInBackground();
        });
    }

    /** Renames device file {@code from} to {@code to} after the gate approves; an existing {@code to} is replaced. */
    public void rename(String from, String to) {
        FileEntry e = existing(from);
        String dst = FsNames.check(to);
        if (dst.equals(e.name())) throw SeshException.badArg(from + " and " + to + " name the same file", "give a different new name");
        boolean replaces = listLong().stream().anyMatch(f -> f.name().equals(dst));
        Plan plan = Plan.builder("rename " + e.name() + " to " + dst + (replaces ? " (replaces the file there)" : ""), board.target())
                .change(new Change.FileRename(e.name(), dst)).build();
        board.gate().run(plan, () -> {
            renameOver(e.name(), dst);
            refreshNamesInBackground();
        });
    }

    /** Device file names from the last listing, for completion; never waits for the board. */
    public List<String> cachedNames() { return names; }

    /**
     * For completion: refreshes {@link #cachedNames()} in the background when they are older than
     * {@link #NAMES_FRESH} (each listing also shows up as a device log line, so not on every Tab).
     * Returns whether a refresh was started.
     */
    public boolean refreshNamesIfStale() {
        if (namesKnown && board.clock().nanos() - namesAt <= NAMES_FRESH.toNanos()) return false;
        return refreshNamesInBackground();
    }

    private void remember(List<String> listed) {
        names = List.copyOf(listed);
        namesAt = board.clock().nanos();
        namesKnown = true;
    }

    /** Refreshes {@link #cachedNames()} on a background thread unless a refresh is running; returns whether it started one. */
    public boolean refreshNamesInBackground() { return board.completionCaches() && namesRefresh.start(); }

    private FileEntry existing(String name) {
        String n = FsNames.check(name);
        return listLong().stream().filter(e -> e.name().equals(n)).findFirst().orElseThrow(() ->
                SeshException.badArg("no file " + n + " on the board", "fs ls lists the board's files"));
    }

    private static long localSize(Path local) {
        try {
            if (Files.isDirectory(local)) throw SeshException.badArg(local + " is a folder", "give a file");
            return Files.size(local);
        } catch (NoSuchFileException e) {
            throw SeshException.badArg("no such local file: " + local, "check the path (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + local + ": " + e.getMessage(), "check the file");
        }
    }

    private static byte[] readLocal(Path local) {
        try {
            return Files.readAllBytes(local);
        } catch (NoSuchFileException e) {
            throw SeshException.badArg("no such local file: " + local, "check the path (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw SeshException.badArg("cannot read " + local + ": permission denied", "check the file's permissions");
        } catch (IOException e) {
            throw SeshException.badArg("cannot read " + local + ": " + e.getMessage(), "check the file");
        }
    }

    private void removeQuietly(String name) {
        try {
            board.raw("FS.Remove", FrameJson.write(Map.of("filename", name)));
        } catch (RuntimeException e) {
            // Best effort: the next put removes the leftover.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A stray .part file is harmless and named as such.
        }
    }

    private static boolean isRoot(String path) { return FsNames.strip(path).isEmpty(); }

    static String kb(long bytes) {
        return bytes < 1024 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
