package dev.sesh.twin;

/**
 * The irreversible step a plan is about to take, as the rehearsal applies it to the twin
 * (issue 23): a zone or slot lock, or a key-destroying GenKey or PrivWrite on {@code slot}.
 */
public record Step(Kind kind, int slot) {
    /** What the step does. */
    public enum Kind { LOCK_CONFIG, LOCK_DATA, LOCK_SLOT, GENKEY, PRIV_WRITE }

    public Step {
        java.util.Objects.requireNonNull(kind);
        boolean needsSlot = kind == Kind.LOCK_SLOT || kind == Kind.GENKEY || kind == Kind.PRIV_WRITE;
        if (needsSlot && (slot < 0 || slot > 15)) throw new IllegalArgumentException("slot " + slot + " does not exist");
        if (!needsSlot && slot != -1) throw new IllegalArgumentException(kind + " takes no slot");
    }

    public static Step lockConfig() { return new Step(Kind.LOCK_CONFIG, -1); }

    public static Step lockData() { return new Step(Kind.LOCK_DATA, -1); }

    public static Step lockSlot(int slot) { return new Step(Kind.LOCK_SLOT, slot); }

    public static Step genKey(int slot) { return new Step(Kind.GENKEY, slot); }

    public static Step privWrite(int slot) { return new Step(Kind.PRIV_WRITE, slot); }

    /** "this lock", "this GenKey", ... as the rehearsal's lines say it. */
    String words() {
        return switch (kind) {
            case LOCK_CONFIG, LOCK_DATA, LOCK_SLOT -> "this lock";
            case GENKEY -> "this GenKey";
            case PRIV_WRITE -> "this key write";
        };
    }
}
