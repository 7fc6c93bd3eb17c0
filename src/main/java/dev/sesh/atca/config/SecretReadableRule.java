package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A slot whose configuration says it holds a key (KeyType AES, or NoMac, LimitedUse, ReqRandom or
 * ReqAuth, which only concern keys) but IsSecret is 0, so the key can be read in the clear.
 */
final class SecretReadableRule implements LintRule {
    @Override public String id() { return "secret-readable"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "key slot readable in the clear (IsSecret 0 on a slot configured as a key)"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            SlotConfig s = z.slotConfig(n);
            KeyConfig k = z.keyConfig(n);
            if (k.isPrivate() || s.isSecret()) continue;
            String why = k.keyType() == KeyType.AES ? "its KeyType is AES"
                    : s.noMac() ? "NoMac is set" : s.limitedUse() ? "LimitedUse is set"
                    : k.reqRandom() ? "ReqRandom is set" : k.reqAuth() ? "ReqAuth is set" : null;
            if (why != null) {
                out.add(finding("slot " + n, "IsSecret", "slot " + n + " holds a key (" + why + ") but IsSecret is 0, so anyone can read it in the clear",
                        "set slot " + n + " IsSecret to 1"));
            }
        }
        return out;
    }
}
