package dev.sesh.sim.service;

import java.util.List;

/**
 * Sys.Reboot, Sys.GetInfo and Sys.SetDebug (rpc-common; mos-rpc.md 4.2, mos-captures README 6.2).
 * Heap figures are fixed (an ESP8266 after init); the boot line prints the same ones.
 */
public final class SysService implements SimService {
    public static final int RAM_SIZE = 52080;
    public static final int RAM_FREE = 38912;
    public static final int RAM_MIN_FREE = 36512;

    @Override public List<SimMethod> init(SimContext ctx) {
        return List.of(
                new SimMethod("Sys.Reboot", "{abort: %B, delay_ms: %d}", SysService::reboot),
                new SimMethod("Sys.GetInfo", "", SysService::getInfo),
                new SimMethod("Sys.SetDebug", "{udp_log_addr: %Q, level: %d, file_level: %Q}", SysService::setDebug));
    }

    // abort:true crashes a real board (maybe with a core dump); the sim restarts at once instead.
    static SimReply reboot(SimRequest req, SimContext ctx) {
        long delay = req.args().integer("delay_ms").orElse(100);
        if (req.args().bool("abort").orElse(false)) {
            ctx.scheduleReboot(0);
            return SimReply.none();
        }
        if (delay < 0) return SimReply.error(400, "invalid delay value");
        ctx.scheduleReboot(delay);
        return SimReply.nullResult();
    }

    static SimReply getInfo(SimRequest req, SimContext ctx) {
        SimIdentity id = ctx.identity();
        SimConfigView cfg = ctx.config();
        String pub = cfg.string("device.public_key", "");
        String apIp = cfg.bool("wifi.ap.enable", true) ? cfg.string("wifi.ap.ip", "192.168.4.1") : "";
        // The missing space before "wifi" is the firmware's own format string.
        String body = "{\"id\": " + q(cfg.string("device.id", id.defaultDeviceId()))
                + ", \"app\": " + q(id.app())
                + ", \"fw_version\": " + q(id.fwVersion())
                + ", \"fw_id\": " + q(id.fwId())
                + ", \"mg_version\": " + q(id.mgVersion())
                + ", \"mg_id\": " + q(id.mgId())
                + ", \"mac\": " + q(id.macHex())
                + ", \"arch\": " + q(id.arch())
                + ", \"uptime\": " + ctx.uptimeMillis() / 1000
                + ", \"public_key\": " + (pub.isEmpty() ? "null" : q(pub))
                + ", \"ram_size\": " + RAM_SIZE
                + ", \"ram_free\": " + RAM_FREE
                + ", \"ram_min_free\": " + RAM_MIN_FREE
                + ", \"fs_size\": " + ctx.fs().size()
                + ", \"fs_free\": " + ctx.fs().free()
                + ",\"wifi\": {\"sta_ip\": \"\", \"ap_ip\": " + q(apIp)
                + ", \"status\": \"disconnected\", \"ssid\": \"\"}"
                // Not in real firmware: a twin (issue 23) says whose copy it is, so sesh can mark it.
                + (id.isTwin() ? ", \"twin_of\": " + q(id.twinOf()) : "") + "}";
        return SimReply.result(body);
    }

    static SimReply setDebug(SimRequest req, SimContext ctx) {
        DeviceArgs a = req.args();
        var udp = a.string("udp_log_addr");
        if (udp.isPresent() && !udp.get().isEmpty()) {
            if (!validUdpAddress(udp.get())) {
                ctx.log(LogLevel.ERROR, "shim_platform.c", 144, "Invalid address");
                return SimReply.error(400, "invalid udp_log_addr");
            }
            ctx.log("shim_platform.c", 147, "UDP log set up to " + udp.get());
        }
        var level = a.integer("level");
        if (level.isPresent() && (level.getAsLong() < -1 || level.getAsLong() > 4 || !ctx.setLogLevel((int) level.getAsLong()))) {
            return SimReply.error(400, "invalid level");
        }
        a.string("file_level").ifPresent(ctx::setFileLevels);
        return SimReply.error(0, null);
    }

    /** {@code a.b.c.d:port}, as the ESP8266 port's address check accepts it. */
    static boolean validUdpAddress(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon <= 0) return false;
        String[] parts = addr.substring(0, colon).split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) return false;
        }
        String port = addr.substring(colon + 1);
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) return false;
        int n = Integer.parseInt(port);
        return n > 0 && n < 65536;
    }

    private static String q(String s) { return DeviceJsonOut.quoted(s); }
}
