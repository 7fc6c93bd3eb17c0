package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A private key nothing can use: it can neither sign (external or internal) nor do ECDH, so the
 * key can only be generated or written, never used (atecc.md 5.1 bits 0-2, 8.2, 8.4). Data slots
 * that can be neither read nor written still serve GenDig/CheckMac/DeriveKey; {@link FixedAtDataLockRule}
 * covers them.
 */
final class UnusableSlotRule implements LintRule {
    @Override public String id() { return "unusable-slot"; }
    @Override public Severity severity() { return Severity.WARNING; }
    @Override public String summary() { return "private key slot that can neither sign nor do ECDH"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            SlotConfig s = z.slotConfig(n);
            if (z.keyConfig(n).isPrivate() && !s.extSignEnable() && !s.intSignEnable() && !s.ecdhEnable()) {
                out.add(finding("slot " + n, "ExtSignEnable", "slot " + n + " holds a private key that can neither sign nor do ECDH, so it is unusable",
                        "set slot " + n + " ExtSignEnable, IntSignEnable or ECDHEnable"));
            }
        }
        return out;
    }
}
