package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A WriteKey, ReadKey or AuthKey naming a private key slot: GenDig cannot use a private key, so the
 * protected operation can never succeed (atecc.md 3.3 GenDig, 7.2).
 */
final class KeySlotIsPrivateRule implements LintRule {
    @Override public String id() { return "key-slot-is-private"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "WriteKey/ReadKey/AuthKey pointing at a private key slot (GenDig cannot use it)"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (KeyRefs.Ref r : KeyRefs.of(z)) {
            if (z.keyConfig(r.key()).isPrivate()) {
                out.add(finding("slot " + r.user(), r.field(), "slot " + r.user() + "'s " + r.field() + " is slot " + r.key()
                        + ", which holds a private key that GenDig cannot use, so those operations will always fail",
                        "point slot " + r.user() + " " + r.field() + " at a secret data slot holding a 32-byte key"));
            }
        }
        return out;
    }
}
