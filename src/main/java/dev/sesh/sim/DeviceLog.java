package dev.sesh.sim;

import dev.sesh.sim.service.LogLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * The firmware's log filter and line format (mos-captures README 5.1): a line prints when its
 * level is at most debug.level, or at most the level of the first file_level entry whose name is a
 * prefix of the source file. The prefix is {@code file:line} in a 24-character field, the file
 * name cut so that at least one space remains.
 */
final class DeviceLog {
    static final int PREFIX = 24;

    private record FileLevel(String prefix, int level) {}

    private int level = LogLevel.INFO.value();
    private List<FileLevel> fileLevels = List.of();

    /** False for levels outside -1..4. */
    boolean setLevel(int level) {
        if (level < -1 || level > LogLevel.VERBOSE.value()) return false;
        this.level = level;
        return true;
    }

    /** {@code name=level[,name=level...]}; malformed entries are skipped, empty clears. */
    void setFileLevels(String spec) {
        List<FileLevel> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) continue;
            try {
                out.add(new FileLevel(part.substring(0, eq).trim(), Integer.parseInt(part.substring(eq + 1).trim())));
            } catch (NumberFormatException e) {
                // The firmware's atoi would read 0 here; skipping keeps a typo from silencing a file.
            }
        }
        fileLevels = List.copyOf(out);
    }

    boolean enabled(LogLevel lvl, String file) {
        for (FileLevel f : fileLevels) if (file.startsWith(f.prefix())) return lvl.value() <= f.level();
        return lvl.value() <= level;
    }

    /** One whole line, {@code \n} included. */
    static String format(String file, int line, String message) {
        String suffix = ":" + line;
        int maxName = Math.max(1, PREFIX - 1 - suffix.length());
        String name = file.length() > maxName ? file.substring(0, maxName) : file;
        StringBuilder sb = new StringBuilder(PREFIX + message.length() + 1).append(name).append(suffix);
        while (sb.length() < PREFIX) sb.append(' ');
        return sb.append(message).append('\n').toString();
    }
}
