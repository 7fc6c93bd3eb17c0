package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/** KeyConfig.Private with a KeyType other than P256: GenKey, Sign and PrivWrite refuse it (atecc.md 3.3, 8.1). */
final class PrivateKeyTypeRule implements LintRule {
    @Override public String id() { return "private-not-p256"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "KeyType/Private mismatch: a private key slot must have KeyType P256"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            KeyConfig k = z.keyConfig(n);
            if (k.isPrivate() && k.keyType() != KeyType.P256) {
                out.add(finding("slot " + n, "KeyType", "slot " + n + " is private but its KeyType is " + k.keyType().words()
                        + ", so GenKey, Sign and PrivWrite will refuse it", "set slot " + n + " KeyType to P256 (ECC), or clear Private"));
            }
        }
        return out;
    }
}
