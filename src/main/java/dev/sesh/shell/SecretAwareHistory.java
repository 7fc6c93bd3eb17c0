package dev.sesh.shell;

import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * History that never keeps a line holding secret material: a hex literal of 32+ bytes (64+ hex
 * digits), a base64 literal of 32+ bytes (44+ characters), or a value given to a config key that
 * names a password or secret ({@code config set wifi.sta.pass=...}, {@code 'wifi.sta.pass': ...}, the
 * same rule as the wire trace's). Such a line runs, but is neither shown
 * by up-arrow nor written to {@code $SESH_HOME/history} (design.md 5.11).
 */
public final class SecretAwareHistory extends DefaultHistory {
    private static final Pattern HEX = Pattern.compile("(?i)(?:0x)?[0-9a-f]{64,}");
    private static final Pattern SPACED_HEX = Pattern.compile("(?i)(?:[0-9a-f]{2}[ :,]){31,}[0-9a-f]{2}");
    private static final Pattern SECRET_SETTING = Pattern.compile("(?i)[a-z0-9_.]*(?:pass|psk|secret|token)[a-z0-9_]*['\"]?\\s*[=:]");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{43,}={0,2}");

    /** True if {@code line} carries something that looks like a key. */
    public static boolean holdsSecret(String line) {
        if (HEX.matcher(line).find() || SPACED_HEX.matcher(line).find() || SECRET_SETTING.matcher(line).find()) return true;
        var m = BASE64.matcher(line);
        while (m.find()) {
            if (!m.group().matches("[0-9a-fA-F]+")) return true;   // pure hex shorter than 64 digits is under 32 bytes
        }
        return false;
    }

    @Override public void add(Instant time, String line) {
        if (holdsSecret(line)) return;
        super.add(time, line);
    }
}
