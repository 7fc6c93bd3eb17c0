package dev.sesh.plan;

import java.util.Objects;

/**
 * What one frame does to a board, in the words the link guard compares (design.md 5.9): a
 * {@link Kind}, the thing it changes ({@code "slot 0"}, {@code "conf1.json"}, {@code "config"}),
 * and whether that can be undone. A plan's changes list the actions they need; each change frame
 * is classified into actions; a frame leaves only when an approved plan's ticket covers all of them.
 */
public record Action(Kind kind, String target, Reversibility reversibility) {
    /** The kinds of change the guard tells apart. */
    public enum Kind {
        FILE_WRITE, FILE_REMOVE, FILE_RENAME, FILESYSTEM, CONFIG_SET, CONFIG_SAVE, REBOOT,
        CHIP_CONFIG, CHIP_OTP, SLOT_WRITE, KEY_WRITE, KEY_GEN, CHIP_LOCK, CHIP_COMMAND, I2C_WRITE, RPC
    }

    public Action {
        Objects.requireNonNull(kind); Objects.requireNonNull(target); Objects.requireNonNull(reversibility);
    }

    public static Action reversible(Kind kind, String target) { return new Action(kind, target, Reversibility.REVERSIBLE); }

    public static Action irreversible(Kind kind, String target) { return new Action(kind, target, Reversibility.IRREVERSIBLE); }

    /**
     * True if this approved action lets {@code frame} through: same kind and target, and an
     * irreversible frame only on an irreversible approval. GenKey and PrivWrite frames are
     * irreversible on the wire (the guard cannot see whether the slot held a key); a plan that read
     * the slot and found it empty approves them as reversible, and that plan is what the user saw.
     */
    public boolean covers(Action frame) {
        if (kind != frame.kind || !target.equals(frame.target)) return false;
        if (frame.reversibility == Reversibility.REVERSIBLE || reversibility == Reversibility.IRREVERSIBLE) return true;
        return kind == Kind.KEY_GEN || kind == Kind.KEY_WRITE;
    }

    /** As {@link #covers} without the GenKey/PrivWrite allowance: for one plan's approval covering another's. */
    public boolean coversStrictly(Action other) {
        return kind == other.kind && target.equals(other.target)
                && (other.reversibility == Reversibility.REVERSIBLE || reversibility == Reversibility.IRREVERSIBLE);
    }

    /** One line for plans and the audit log. */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (target.isEmpty() ? "" : " " + target)
                + (reversibility == Reversibility.IRREVERSIBLE ? " (irreversible)" : "");
    }

    @Override public String toString() { return describe(); }
}
