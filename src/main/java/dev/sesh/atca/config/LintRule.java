package dev.sesh.atca.config;

import java.util.List;

/** One lint check over a config zone (style.md rule 11: one rule per class). */
public interface LintRule {
    /** Stable id, e.g. "private-clear-write". */
    String id();

    Severity severity();

    /** One line saying what the rule looks for. */
    String summary();

    /** True for rules that only make sense on a zone about to be written or locked, not on a chip's zone. */
    default boolean beforeWriteOnly() { return false; }

    List<Finding> check(ConfigZone zone);

    /** A finding of this rule. */
    default Finding finding(String where, String field, String problem, String fix) {
        return new Finding(id(), severity(), where, field, problem, fix);
    }
}
