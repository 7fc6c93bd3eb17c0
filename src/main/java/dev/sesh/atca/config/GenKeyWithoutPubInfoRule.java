package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A private slot GenKey may fill but whose PubInfo is 0: the public key (for a CSR or certificate)
 * is returned only by the GenKey that created it; {@code atca key pub} (GenKey mode 0) fails later.
 */
final class GenKeyWithoutPubInfoRule implements LintRule {
    @Override public String id() { return "genkey-without-pubinfo"; }
    @Override public Severity severity() { return Severity.WARNING; }
    @Override public String summary() { return "GenKey-able private slot without PubInfo (public key only at generation)"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            KeyConfig k = z.keyConfig(n);
            if (k.isPrivate() && z.slotConfig(n).genKeyAllowed() && !k.pubInfo()) {
                out.add(finding("slot " + n, "PubInfo", "slot " + n + " lets GenKey create its key but PubInfo is 0, so its public key can be read only once, "
                        + "when the key is generated", "set slot " + n + " PubInfo to 1, or keep the public key GenKey returns"));
            }
        }
        return out;
    }
}
