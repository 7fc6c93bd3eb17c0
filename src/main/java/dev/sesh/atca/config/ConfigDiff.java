package dev.sesh.atca.config;

import dev.sesh.atca.config.ConfigField.Access;

import java.util.ArrayList;
import java.util.List;

/**
 * Field-level differences between the config zone a chip holds and a wanted one, in zone order
 * (reference/atecc.md 4.1, 4.2). Fields are named for the chip's variant and, for SlotConfig bits
 * 0-3, by the wanted zone's KeyConfig.Private. Bytes 16-83 and 88-127 are planned as Writes;
 * UserExtra (84) and Selector/UserExtraAdd (85) as UpdateExtra where the chip still allows it;
 * serial, revision, bytes 13-15 and the lock bytes are listed as changes that cannot be written.
 * The diff does not look at lock state: refusing a write to a locked zone is the caller's job.
 */
public final class ConfigDiff {
    private final List<FieldChange> changes;

    private ConfigDiff(List<FieldChange> changes) { this.changes = List.copyOf(changes); }

    /** What changes if {@code current} (read from the chip) becomes {@code wanted}. */
    public static ConfigDiff between(ConfigZone current, ConfigZone wanted) {
        List<FieldChange> out = new ArrayList<>();
        for (ConfigField f : ConfigFields.of(current.variant(), wanted)) {
            String from = f.value(current), to = f.value(wanted);
            if (!from.equals(to)) out.add(new FieldChange(f.where(), f.name(), from, to, f.access(), whyNot(f, current)));
        }
        return new ConfigDiff(out);
    }

    /** Every difference, in zone order. */
    public List<FieldChange> all() { return changes; }

    /** The differences a config write can make. */
    public List<FieldChange> planned() { return changes.stream().filter(FieldChange::writable).toList(); }

    /** The differences no config write can make (read-only bytes, UpdateExtra bytes already set). */
    public List<FieldChange> notWritable() { return changes.stream().filter(c -> !c.writable()).toList(); }

    /** True if the planned part contains an UpdateExtra (one time only, irreversible). */
    public boolean needsUpdateExtra() { return planned().stream().anyMatch(c -> c.access() == Access.UPDATE_EXTRA); }

    public boolean isEmpty() { return changes.isEmpty(); }

    private static String whyNot(ConfigField f, ConfigZone current) {
        switch (f.access()) {
            case WRITE:
                return "";
            case UPDATE_EXTRA: {
                int now = current.get(f.offset());
                // 508A Selector with SelectorMode 0 can always be rewritten; everything else only while 0x00 (atecc.md 3.3 UpdateExtra).
                boolean rewritable = f.offset() == ConfigZone.SELECTOR && !current.variant().is608() && !current.chipMode().bit0();
                return now == 0 || rewritable ? "" : f.name() + " can be set only once and already holds " + String.format("0x%02X", now);
            }
            default:
                if (f.offset() == ConfigZone.LOCK_VALUE || f.offset() == ConfigZone.LOCK_CONFIG) return "set only by the Lock command";
                return "read-only, set at the factory";
        }
    }
}
