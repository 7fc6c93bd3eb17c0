package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A slot that another slot uses as its WriteKey, ReadKey or AuthKey but that can be read in the
 * clear: whoever reads the key can write or read the slots it protects.
 */
final class KeySlotNotSecretRule implements LintRule {
    @Override public String id() { return "key-slot-not-secret"; }
    @Override public Severity severity() { return Severity.WARNING; }
    @Override public String summary() { return "WriteKey/ReadKey/AuthKey pointing at a slot that is readable in the clear"; }

    @Override public List<Finding> check(ConfigZone z) {
        Map<Integer, List<KeyRefs.Ref>> byKey = new TreeMap<>();
        for (KeyRefs.Ref r : KeyRefs.of(z)) {
            if (!z.keyConfig(r.key()).isPrivate() && !z.slotConfig(r.key()).isSecret()) byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
        List<Finding> out = new ArrayList<>();
        byKey.forEach((key, refs) -> out.add(finding("slot " + key, "IsSecret",
                "slot " + key + " is the " + KeyRefs.roles(refs) + " of " + KeyRefs.users(refs) + " but can be read in the clear (IsSecret 0)",
                "set slot " + key + " IsSecret to 1 (and WriteConfig to Never or Encrypt), or use a secret slot as the key")));
        return out;
    }
}
