package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/**
 * LockValue/LockConfig of a zone about to be written or locked must read 0x55: the lock's summary
 * CRC covers them as the chip holds them (unlocked, atecc.md 6), and ATCA.SetConfig never writes them.
 */
final class LockBytesRule implements LintRule {
    @Override public String id() { return "lock-bytes-not-unlocked"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "LockValue/LockConfig not 0x55 in a zone about to be written"; }
    @Override public boolean beforeWriteOnly() { return true; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        if (z.lockValue() != LockState.UNLOCKED) out.add(lockFinding("LockValue", z.lockValue()));
        if (z.lockConfig() != LockState.UNLOCKED) out.add(lockFinding("LockConfig", z.lockConfig()));
        return out;
    }

    private Finding lockFinding(String field, int v) {
        return finding("config", field, String.format("%s is 0x%02X in a zone about to be written; a chip being configured holds 0x55 there", field, v),
                "set " + field.toLowerCase(java.util.Locale.ROOT) + ": Unlocked (0x55); `atca lock` does the locking");
    }
}
