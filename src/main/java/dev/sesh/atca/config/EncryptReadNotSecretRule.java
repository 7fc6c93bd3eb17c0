package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/** EncryptRead without IsSecret: reads stay in the clear (atecc.md 5.1 bit 6 "requires IsSecret = 1"). */
final class EncryptReadNotSecretRule implements LintRule {
    @Override public String id() { return "encrypt-read-not-secret"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "EncryptRead set without IsSecret (reads stay in the clear)"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            SlotConfig s = z.slotConfig(n);
            if (!z.keyConfig(n).isPrivate() && s.encryptRead() && !s.isSecret()) {
                out.add(finding("slot " + n, "IsSecret", "slot " + n + " has EncryptRead but IsSecret 0, so it can still be read in the clear",
                        "set slot " + n + " IsSecret to 1, or clear EncryptRead"));
            }
        }
        return out;
    }
}
