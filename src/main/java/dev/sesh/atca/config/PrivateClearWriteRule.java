package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/** A private key slot whose WriteConfig is Always or PubInfo-gated: "never use Always for keys" (atecc.md 5.2). */
final class PrivateClearWriteRule implements LintRule {
    @Override public String id() { return "private-clear-write"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "private key slot whose WriteConfig allows clear writes after the lock"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            SlotConfig s = z.slotConfig(n);
            WritePolicy p = s.writePolicy();
            if (z.keyConfig(n).isPrivate() && (p == WritePolicy.ALWAYS || p == WritePolicy.PUB_INVALID)) {
                out.add(finding("slot " + n, "WriteConfig",
                        "slot " + n + " holds a private key but its WriteConfig is " + WritePolicy.describe(s.writeConfig()) + ", a clear-write policy",
                        "set slot " + n + " WriteConfig to 6 (encrypted PrivWrite and GenKey) or 2 (GenKey only)"));
            }
        }
        return out;
    }
}
