package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a config zone against rules drawn from reference/atecc.md 5 (one rule per class). Findings
 * come sorted by severity (errors first), then in rule order, then by slot as each rule reports.
 */
public final class Lint {
    private static final List<LintRule> RULES = List.of(
            new PrivateClearWriteRule(), new PrivateKeyTypeRule(), new PrivateNotSecretRule(), new SecretReadableRule(),
            new EncryptReadNotSecretRule(), new KeySlotIsPrivateRule(), new LockBytesRule(), new LockBytesInvalidRule(),
            new KeySlotNotSecretRule(), new WriteKeyRewritableRule(), new GenKeyWithoutPubInfoRule(), new UnusableSlotRule(),
            new I2cAddressRule(), new AuthKeyWithoutReqAuthRule(), new EcdhNextSlotRule(),
            new FixedAtDataLockRule(), new LockableNotLockedRule());

    private Lint() {}

    /** Every rule, in the order they run. */
    public static List<LintRule> rules() { return RULES; }

    /** Lints a zone about to be written or locked (a file, a planned config): every rule. */
    public static List<Finding> run(ConfigZone zone) { return run(zone, true); }

    /** Lints the zone a chip holds: skips the rules that only apply before writing (lock bytes must be 0x55). */
    public static List<Finding> runOnChip(ConfigZone zone) { return run(zone, false); }

    private static List<Finding> run(ConfigZone zone, boolean beforeWrite) {
        List<Finding> out = new ArrayList<>();
        for (LintRule r : RULES) if (beforeWrite || !r.beforeWriteOnly()) out.addAll(r.check(zone));
        out.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(out);
    }

    /** The number of findings with {@code severity}. */
    public static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
