package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/**
 * ECDH output to slot N+1 needs an even N (atecc.md 5.1 bit 3); the receiving slot should be
 * secret, or the shared secret can be read back in the clear.
 */
final class EcdhNextSlotRule implements LintRule {
    @Override public String id() { return "ecdh-next-slot"; }
    @Override public Severity severity() { return Severity.WARNING; }
    @Override public String summary() { return "ECDH output to slot N+1 from an odd slot, or into a slot readable in the clear"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            SlotConfig s = z.slotConfig(n);
            if (!z.keyConfig(n).isPrivate() || !s.ecdhEnable() || !s.ecdhToNextSlot()) continue;
            if (n % 2 == 1) {
                out.add(finding("slot " + n, "ECDHToNextSlot", "slot " + n + " sends its ECDH result to the next slot, which only even slots can do",
                        "clear ECDHToNextSlot on slot " + n + ", or move the key to an even slot"));
            } else if (!z.slotConfig(n + 1).isSecret()) {
                out.add(finding("slot " + (n + 1), "IsSecret", "slot " + (n + 1) + " receives slot " + n + "'s ECDH shared secret but can be read in the clear",
                        "set slot " + (n + 1) + " IsSecret to 1"));
            }
        }
        return out;
    }
}
