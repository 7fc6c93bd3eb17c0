package dev.sesh.sim.service;

import dev.sesh.bytes.Bytes;

/**
 * Who the simulated board is: build strings as Sys.GetInfo and the boot banner print them, and its
 * MAC (unique per board). {@link #expand} fills a config placeholder like {@code esp8266_??????}
 * with the MAC's last hex digits, as the firmware does for device.id at boot.
 */
public record SimIdentity(String app, String fwVersion, String fwId, String mgVersion, String mgId, String arch, Bytes mac, String twinOf) {
    public SimIdentity {
        if (mac == null || mac.length() != 6) throw new IllegalArgumentException("a MAC has 6 bytes");
        if (app == null || fwVersion == null || fwId == null || mgVersion == null || mgId == null || arch == null || twinOf == null)
            throw new IllegalArgumentException("identity strings are required");
    }

    /** A board that is no twin. */
    public SimIdentity(String app, String fwVersion, String fwId, String mgVersion, String mgId, String arch, Bytes mac) {
        this(app, fwVersion, fwId, mgVersion, mgId, arch, mac, "");
    }

    /**
     * This identity as the twin of the board described by {@code twinOf} (issue 23): Sys.GetInfo
     * then says {@code "twin_of"}, so sesh marks it in {@code info} and the prompt.
     */
    public SimIdentity asTwinOf(String twinOf) { return new SimIdentity(app, fwVersion, fwId, mgVersion, mgId, arch, mac, twinOf); }

    /** True for a twin of a real board (a {@code sim:PATH} folder made by {@code twin DIR}). */
    public boolean isTwin() { return !twinOf.isEmpty(); }

    /** The sim's firmware: the article's app on an ESP8266, with the given MAC. */
    public static SimIdentity seshSim(Bytes mac) {
        return new SimIdentity("sesh-sim", "1.0", "20240101-000000/sesh-sim", "2.20.0", "20240101-000000/2.20.0-sesh", "esp8266", mac);
    }

    /** 12 upper-case hex digits, as Sys.GetInfo's {@code mac}. */
    public String macHex() { return mac.hex().toUpperCase(java.util.Locale.ROOT); }

    /** {@code 5c:cf:7f:0a:1b:2c}, as the boot line prints it. */
    public String macColons() {
        String h = mac.hex();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) sb.append(i == 0 ? "" : ":").append(h, i, i + 2);
        return sb.toString();
    }

    /** Replaces each {@code ?} with the matching trailing hex digit of the MAC (upper case). */
    public String expand(String placeholder) {
        String hex = macHex();
        char[] out = placeholder.toCharArray();
        int k = hex.length() - 1;
        for (int i = out.length - 1; i >= 0 && k >= 0; i--) if (out[i] == '?') out[i] = hex.charAt(k--);
        return new String(out);
    }

    /** The default device.id after expansion, e.g. {@code esp8266_0A1B2C}. */
    public String defaultDeviceId() { return expand(arch + "_??????"); }
}
