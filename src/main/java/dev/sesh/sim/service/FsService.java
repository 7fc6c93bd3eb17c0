package dev.sesh.sim.service;

import dev.sesh.sim.fs.FlashFs;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * FS.* (rpc-service-fs; mos-rpc.md 4.4, mos-captures README 6.4) over {@link FlashFs}, and the
 * board's {@link SimFsView} for Sys.GetInfo. File names in log lines and errors are as sent (so
 * {@code /hello.txt} logs with its slash). A put that does not fit in the free space fails with
 * 500 {@code failed to write data}, the service's error for a failed write. The sim has no other
 * block devices or filesystem types, so Mkfs and Mount always fail after their argument checks, and
 * Umount fails for every path ({@code /} included).
 */
public final class FsService implements SimService, SimFsView {
    private static final String FS_C = "mgos_service_fs.c";
    // The VFS's own error lines carry the capture rig's file names, to keep captured bytes exact.
    private static final String VFS_C = "shim_vfs.c";

    private final FlashFs fs;

    public FsService(FlashFs fs) { this.fs = fs; }

    @Override public long size() { return FlashFs.SIZE; }

    @Override public long free() { return fs.free(); }

    @Override public List<SimMethod> init(SimContext ctx) {
        return List.of(
                new SimMethod("FS.List", "{path: %Q}", this::list),
                new SimMethod("FS.ListExt", "{path: %Q}", this::listExt),
                new SimMethod("FS.Get", "{filename: %Q, offset: %ld, len: %ld}", this::get),
                new SimMethod("FS.Put", "{filename: %Q, offset: %ld, data: %V, append: %B}", this::put),
                new SimMethod("FS.Remove", "{filename: %Q}", this::remove),
                new SimMethod("FS.Rename", "{src: %Q, dst: %Q}", this::rename),
                new SimMethod("FS.Mkfs", "{dev_name: %Q, dev_type: %Q, dev_opts: %Q, fs_type: %Q, fs_opts: %Q}", this::mkfs),
                new SimMethod("FS.Mount", "{path: %Q, dev_name: %Q, dev_type: %Q, dev_opts: %Q, fs_type: %Q, fs_opts: %Q}", this::mount),
                new SimMethod("FS.Umount", "{path: %Q}", this::umount));
    }

    private SimReply list(SimRequest req, SimContext ctx) {
        StringBuilder sb = new StringBuilder("[");
        for (FlashFs.Entry e : fs.list(req.args().string("path").orElse("/"))) {
            if (sb.length() > 1) sb.append(',');
            sb.append(DeviceJsonOut.quoted(e.name()));
        }
        return SimReply.result(sb.append(']').toString());
    }

    private SimReply listExt(SimRequest req, SimContext ctx) {
        StringBuilder sb = new StringBuilder("[");
        for (FlashFs.Entry e : fs.list(req.args().string("path").orElse("/"))) {
            if (sb.length() > 1) sb.append(',');
            sb.append("{\"name\": ").append(DeviceJsonOut.quoted(e.name())).append(", \"size\": ").append(e.size()).append('}');
        }
        return SimReply.result(sb.append(']').toString());
    }

    private SimReply get(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        Optional<String> name = a.string("filename");
        if (name.isEmpty()) return SimReply.error(400, "filename is required");
        long offset = a.integer("offset").orElse(0);
        long len = a.integer("len").orElse(-1);
        if (offset < 0) return SimReply.error(400, "illegal offset");
        Optional<byte[]> content = fs.read(name.get());
        if (content.isEmpty()) return openFailed(name.get());
        byte[] b = content.get();
        int from = (int) Math.min(offset, b.length);
        int to = len < 0 ? b.length : (int) Math.min((long) from + len, b.length);
        byte[] data = Arrays.copyOfRange(b, from, to);
        if (offset == 0 && data.length > 0) ctx.log(FS_C, 169, "Sending " + name.get());
        return SimReply.result("{\"data\": " + DeviceJsonOut.base64(data) + ", \"left\": " + (b.length - to) + "}");
    }

    private SimReply put(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        Optional<String> name = a.string("filename");
        if (name.isEmpty()) return SimReply.error(400, "filename is required");
        long offset = a.integer("offset").orElse(-1);
        boolean append = a.bool("append").orElse(false);
        byte[] data = a.base64("data").orElse(new byte[0]);
        FlashFs.WriteResult r = fs.write(name.get(), offset, append, data);
        if (r == FlashFs.WriteResult.OPEN_FAILED) return openFailed(name.get());
        if (!append || offset == 0) ctx.log(FS_C, 248, "Receiving " + name.get());
        return switch (r) {
            case OK -> SimReply.nullResult();
            case SEEK_FAILED -> SimReply.error(400, "failed to seek to " + offset);
            case NO_SPACE -> SimReply.error(500, "failed to write data");
            case OPEN_FAILED -> openFailed(name.get());
        };
    }

    private SimReply remove(SimRequest req, SimContext ctx) {
        Optional<String> name = req.args().string("filename");
        if (name.isEmpty()) return SimReply.error(400, "filename is required");
        boolean ok = fs.remove(name.get());
        ctx.log(FS_C, 299, "Remove " + name.get() + " -> " + (ok ? 0 : -1));
        return ok ? SimReply.nullResult() : SimReply.error(500, "remove failed");
    }

    private SimReply rename(SimRequest req, SimContext ctx) {
        Optional<String> src = req.args().string("src");
        Optional<String> dst = req.args().string("dst");
        if (src.isEmpty() || dst.isEmpty()) return SimReply.error(400, "src and dst are required");
        return fs.rename(src.get(), dst.get()) ? SimReply.nullResult() : SimReply.error(500, "rename failed");
    }

    private SimReply mkfs(SimRequest req, SimContext ctx) {
        if (req.args().string("fs_type").isEmpty()) return SimReply.error(400, "fs_type is required");
        noDevice(req.args(), ctx);
        return SimReply.error(500, "mkfs failed");
    }

    private SimReply mount(SimRequest req, SimContext ctx) {
        if (req.args().string("path").isEmpty() || req.args().string("fs_type").isEmpty()) {
            return SimReply.error(400, "path and fs_type is required");
        }
        noDevice(req.args(), ctx);
        return SimReply.error(500, "mount failed");
    }

    private SimReply umount(SimRequest req, SimContext ctx) {
        if (req.args().string("path").isEmpty()) return SimReply.error(400, "path is required");
        return SimReply.error(500, "umount failed");
    }

    /** The VFS's complaint about the device a Mkfs or Mount named: none exists besides the flash. */
    private static void noDevice(DeviceArgs a, SimContext ctx) {
        Optional<String> devName = a.string("dev_name");
        if (devName.isPresent()) {
            ctx.log(LogLevel.ERROR, VFS_C, 95, "No such device '" + devName.get() + "'");
            return;
        }
        a.string("dev_type").ifPresent(t -> ctx.log(LogLevel.ERROR, VFS_C, 127, "Unknown device type " + t));
    }

    private static SimReply openFailed(String name) {
        return SimReply.error(400, "failed to open file \"" + name + "\"");
    }
}
