package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/** A slot that may be locked on its own (KeyConfig.Lockable) but is not. */
final class LockableNotLockedRule implements LintRule {
    @Override public String id() { return "lockable-not-locked"; }
    @Override public Severity severity() { return Severity.INFO; }
    @Override public String summary() { return "slot lockable on its own but not locked"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            if (z.keyConfig(n).lockable() && !z.lockState().slotLocked(n)) {
                out.add(finding("slot " + n, "SlotLocked", "slot " + n + " is lockable but not locked",
                        "once its contents are final, `atca lock slot " + n + "` freezes it (after the data lock)"));
            }
        }
        return out;
    }
}
