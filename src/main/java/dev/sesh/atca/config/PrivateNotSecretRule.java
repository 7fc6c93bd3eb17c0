package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/** A private key slot without IsSecret: GenKey and Sign fail on it (atecc.md 5.1 bit 7). */
final class PrivateNotSecretRule implements LintRule {
    @Override public String id() { return "private-not-secret"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "private key slot with IsSecret 0 (GenKey and Sign fail)"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            if (z.keyConfig(n).isPrivate() && !z.slotConfig(n).isSecret()) {
                out.add(finding("slot " + n, "IsSecret", "slot " + n + " is a private key slot with IsSecret 0, so GenKey and Sign will fail on it",
                        "set slot " + n + " IsSecret to 1"));
            }
        }
        return out;
    }
}
