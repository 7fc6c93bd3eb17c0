package dev.sesh.plan;

/** Whether a change can be undone by sesh (design.md 1, "The confirm prompt"). */
public enum Reversibility {
    /** Can be undone or redone (a config write before the lock, a file, a config key): asks {@code [y/N]}. */
    REVERSIBLE,
    /** Can never be undone (locks, one-time bytes, a key replaced): asks for a typed phrase. */
    IRREVERSIBLE;

    /** The stricter of the two. */
    public Reversibility and(Reversibility other) {
        return this == IRREVERSIBLE || other == IRREVERSIBLE ? IRREVERSIBLE : REVERSIBLE;
    }

    /** Lower-case word used in plans and the audit log. */
    public String word() { return this == IRREVERSIBLE ? "irreversible" : "reversible"; }
}
