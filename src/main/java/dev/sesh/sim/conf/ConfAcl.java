package dev.sesh.sim.conf;

/**
 * The {@code conf_acl} rule (mos-rpc.md 4.3): a comma-separated list of glob patterns, each
 * optionally prefixed by {@code +} (allow) or {@code -} (deny); the first pattern that matches the
 * dotted key decides, and a key no pattern matches is denied. The default {@code *} allows all.
 */
final class ConfAcl {
    private ConfAcl() {}

    static boolean allows(String acl, String key) {
        for (String raw : acl.split(",")) {
            String e = raw.trim();
            if (e.isEmpty()) continue;
            boolean allow = true;
            if (e.charAt(0) == '-' || e.charAt(0) == '+') {
                allow = e.charAt(0) == '+';
                e = e.substring(1);
            }
            if (glob(e, 0, key, 0)) return allow;
        }
        return false;
    }

    private static boolean glob(String pat, int pi, String s, int si) {
        if (pi == pat.length()) return si == s.length();
        if (pat.charAt(pi) == '*') {
            for (int k = si; k <= s.length(); k++) if (glob(pat, pi + 1, s, k)) return true;
            return false;
        }
        return si < s.length() && pat.charAt(pi) == s.charAt(si) && glob(pat, pi + 1, s, si + 1);
    }
}
