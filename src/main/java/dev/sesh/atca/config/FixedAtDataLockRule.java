package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A slot nothing can write after the data lock: whatever it holds at {@code atca lock data} stays
 * there; if it cannot be read either, it only serves as a key (atecc.md 3.3 Write: clear writes are allowed on every slot only between the two locks).
 */
final class FixedAtDataLockRule implements LintRule {
    @Override public String id() { return "fixed-at-data-lock"; }
    @Override public Severity severity() { return Severity.INFO; }
    @Override public String summary() { return "slot whose contents are fixed for good by the data lock"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            SlotConfig s = z.slotConfig(n);
            boolean fixed = z.keyConfig(n).isPrivate()
                    ? !s.genKeyAllowed() && !s.privWriteAllowed()
                    : s.writePolicy() == WritePolicy.NEVER && !s.deriveKeyTarget();
            if (!fixed) continue;
            boolean isPrivate = z.keyConfig(n).isPrivate();
            String problem = !isPrivate && s.isSecret() && !s.encryptRead()
                    ? "slot " + n + " can be neither read nor written once the data zone is locked; only commands that use it as a key "
                            + "(GenDig, CheckMac, DeriveKey" + (s.noMac() ? "" : ", MAC, HMAC") + ") can use what it holds"
                    : "slot " + n + " cannot be written once the data zone is locked";
            out.add(finding("slot " + n, "WriteConfig", problem, "write its " + (isPrivate ? "key" : "contents") + " before `atca lock data`"));
        }
        return out;
    }
}
