package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/** A lock byte that is neither 0x55 nor 0x00: the chip counts it as locked and mos refuses the zone (atecc.md 4). */
final class LockBytesInvalidRule implements LintRule {
    @Override public String id() { return "lock-bytes-invalid"; }
    @Override public Severity severity() { return Severity.ERROR; }
    @Override public String summary() { return "LockValue/LockConfig neither 0x55 (unlocked) nor 0x00 (locked)"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        check(out, "LockValue", z.lockValue());
        check(out, "LockConfig", z.lockConfig());
        return out;
    }

    private void check(List<Finding> out, String field, int v) {
        if (v != LockState.UNLOCKED && v != LockState.LOCKED) {
            out.add(finding("config", field, String.format("%s is 0x%02X, neither unlocked (0x55) nor locked (0x00); the chip treats it as locked", field, v),
                    "use 0x55 in a zone to be written; on a chip this value means the zone is locked for good"));
        }
    }
}
