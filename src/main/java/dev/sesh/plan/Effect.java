package dev.sesh.plan;

/** What one operation does to a board, as {@link ChangeClassifier} decides it (design.md 5.9). */
public enum Effect {
    /** Reads, or touches only volatile state (TempKey, sleep/idle): no plan, no question. */
    READ_ONLY,
    /** A change that can be undone: goes through the gate with {@code [y/N]}. */
    REVERSIBLE,
    /** A change that can never be undone: goes through the gate with a typed phrase. */
    IRREVERSIBLE;

    public boolean isChange() { return this != READ_ONLY; }

    /** The plan reversibility of a change; throws IllegalStateException for {@link #READ_ONLY}. */
    public Reversibility reversibility() {
        switch (this) {
            case REVERSIBLE: return Reversibility.REVERSIBLE;
            case IRREVERSIBLE: return Reversibility.IRREVERSIBLE;
            default: throw new IllegalStateException("a read-only operation has no reversibility");
        }
    }
}
