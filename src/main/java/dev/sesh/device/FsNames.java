package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.plan.Change;

import java.nio.charset.StandardCharsets;

/**
 * Device file names (mos-rpc.md 1.7 and 4.4, docs/simulator.md "Filesystem"): the filesystem is
 * flat, leading slashes are dropped, and a name is stored in at most {@value #NAME_MAX} bytes
 * (SPIFFS's 32 with the NUL). sesh sends printable ASCII only: a byte above 0x7F cannot cross the
 * serial link as raw UTF-8, and the device's {@code \}{@code u00XX} escape would store a Latin-1 byte, not
 * the character the user typed. Temporary names of interrupted puts are defined here
 * (docs/decisions.md "fs put: temporary names").
 */
public final class FsNames {
    /** Longest name the device stores, in bytes, without leading slashes. */
    public static final int NAME_MAX = 47;
    /** Every temporary file of {@code fs put} starts with this; anything so named is a leftover when no put runs. */
    public static final String TEMP_PREFIX = Change.FileWrite.STAGING_PREFIX;

    private FsNames() {}

    /**
     * The name as the device stores it (leading slashes dropped), after checking it can be stored.
     * @throws SeshException (bad argument, exit 2) for an empty, over-long or non-ASCII name
     */
    public static String check(String name) {
        String n = strip(name);
        if (n.isEmpty()) throw SeshException.badArg("empty device file name '" + name + "'", "give a file name such as ca.pem");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                String what = c < 0x20 || c == 0x7f ? String.format("control character 0x%02x", (int) c) : String.format("character U+%04X", (int) c);
                throw SeshException.badArg("device file name '" + printable(n) + "' has a " + what + " at position " + i,
                        "the board's RPC carries file names as plain ASCII only (mos-rpc.md 1.7); rename the file");
            }
        }
        int bytes = n.getBytes(StandardCharsets.US_ASCII).length;
        if (bytes > NAME_MAX) {
            throw SeshException.badArg("device file name '" + n + "' is " + bytes + " bytes long; the board stores at most " + NAME_MAX,
                    "give a shorter remote name, e.g. fs put LOCAL " + n.substring(0, Math.min(20, n.length())));
        }
        return n;
    }

    /** The name without leading slashes, unchecked. */
    public static String strip(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '/') i++;
        return name.substring(i);
    }

    /** The temporary name a put of {@code target} writes first: {@value #TEMP_PREFIX} + CRC-32 of the name in 8 hex digits (18 bytes). */
    public static String temp(String target) { return Change.FileWrite.stagingName(target); }

    /** True for a name {@link #temp} makes. */
    public static boolean isTemp(String name) {
        return name.startsWith(TEMP_PREFIX) && name.length() == TEMP_PREFIX.length() + 8;
    }

    private static String printable(String n) {
        StringBuilder sb = new StringBuilder();
        n.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return sb.toString();
    }
}
