package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A key slot (some other slot's WriteKey, ReadKey or AuthKey) that can itself be rewritten in the
 * clear after the lock: anyone can replace the key with one they know and then use it.
 */
final class WriteKeyRewritableRule implements LintRule {
    @Override public String id() { return "write-key-rewritable"; }
    @Override public Severity severity() { return Severity.WARNING; }
    @Override public String summary() { return "key slot that can be rewritten in the clear after the lock"; }

    @Override public List<Finding> check(ConfigZone z) {
        Map<Integer, List<KeyRefs.Ref>> byKey = new TreeMap<>();
        for (KeyRefs.Ref r : KeyRefs.of(z)) {
            WritePolicy p = z.slotConfig(r.key()).writePolicy();
            if (!z.keyConfig(r.key()).isPrivate() && (p == WritePolicy.ALWAYS || p == WritePolicy.PUB_INVALID)) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Finding> out = new ArrayList<>();
        byKey.forEach((key, refs) -> out.add(finding("slot " + key, "WriteConfig",
                "slot " + key + " is the " + KeyRefs.roles(refs) + " of " + KeyRefs.users(refs) + " but can be rewritten in the clear ("
                        + WritePolicy.describe(z.slotConfig(key).writeConfig()) + "), so anyone can put in a key they know",
                "set slot " + key + " WriteConfig to Never(8) and write the key before `atca lock data`, or use Encrypt with a WriteKey that is itself protected")));
        return out;
    }
}
