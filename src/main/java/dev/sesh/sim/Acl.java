package dev.sesh.sim;

import dev.sesh.sim.service.DeviceJson;
import dev.sesh.sim.service.DeviceArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The RPC access list in {@code rpc.acl} (mos-rpc.md 2.5, mos-captures README 6.7): a JSON array
 * of {@code {"method": GLOB, "acl": LIST}}; the first entry whose glob matches the method decides.
 * LIST is comma-separated user names, {@code *} for anyone, a leading {@code -} denies. Requests
 * carry no authenticated user here (digest auth is not simulated).
 */
final class Acl {
    /** What the ACL says about an unauthenticated request. */
    enum Verdict { ALLOW, DENY, NEED_AUTH }

    private record Entry(String glob, String acl) {}

    private Acl() {}

    static Verdict check(String aclJson, String method) {
        if (aclJson == null || aclJson.isBlank()) return Verdict.ALLOW;
        for (Entry e : entries(aclJson)) {
            if (glob(e.glob().toLowerCase(Locale.ROOT), method.toLowerCase(Locale.ROOT))) return forNoUser(e.acl());
        }
        return Verdict.ALLOW;
    }

    // No user: "*" allows, an explicit "-*" denies (403); a list naming users needs auth (401).
    private static Verdict forNoUser(String acl) {
        for (String item : acl.split(",")) {
            String p = item.trim();
            boolean deny = p.startsWith("-");
            if (deny) p = p.substring(1);
            if (p.equals("*")) return deny ? Verdict.DENY : Verdict.ALLOW;
        }
        return Verdict.NEED_AUTH;
    }

    private static List<Entry> entries(String json) {
        List<String[]> raw = new ArrayList<>();
        DeviceJson.walk(json, (path, t) -> {
            if (path.matches("\\[\\d+]") && t.isObject()) {
                DeviceArgs a = DeviceArgs.parse(t.text());
                raw.add(new String[] {a.string("method").orElse(""), a.string("acl").orElse("")});
            }
        });
        List<Entry> out = new ArrayList<>();
        for (String[] r : raw) out.add(new Entry(r[0], r[1]));
        return out;
    }

    /** Glob with {@code *} (any run) and {@code ?} (one char). */
    static boolean glob(String pattern, String s) {
        return glob(pattern, 0, s, 0);
    }

    private static boolean glob(String p, int i, String s, int j) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                for (int k = j; k <= s.length(); k++) if (glob(p, i + 1, s, k)) return true;
                return false;
            }
            if (j >= s.length() || (c != '?' && c != s.charAt(j))) return false;
            i++;
            j++;
        }
        return j == s.length();
    }
}
